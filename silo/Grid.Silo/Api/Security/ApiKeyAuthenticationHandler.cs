using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>
/// Authenticates <c>/api</c> calls by the <c>X-Api-Key</c> header (or a Basic password, for a browser). Without configured keys every
/// caller is let in as <see cref="Anonymous"/> (the API then listens on loopback only, see
/// <see cref="LoopbackBinding"/>); with keys, a call without a valid one is answered 401 with a problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    RequestCounters counters,
    IOptions<ApiOptions> api,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string Anonymous = "anonymous";

    /// <summary>Pages a person opens in a browser, which can send a key only as a Basic password.</summary>
    public const string BasicAuthenticationPaths = "/dashboard";

    /// <summary>Set on a request from an address that has presented too many wrong keys this minute: the seconds until it may try again.</summary>
    private const string LockedOutFor = "grid.api-key.locked-out-for";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsOpen)
            return Success(Anonymous);
        var presented = PresentedKey();
        if (presented.Length == 0)
            return AuthenticateResult.NoResult();
        var limit = api.Value.FailedKeyAttemptsPerMinute;
        var counter = $"failed-keys/{Context.Connection.RemoteIpAddress}";
        // Checked before the key, and for right keys too: were a right key let through, its 200 among the 429s would give it away.
        if (limit > 0 && await counters.PeekAsync(counter) is { } failures && failures.Count >= limit)
            return LockOut(failures);
        if (keys.Identify(presented) is { } key)
            return Success(key);
        if (limit > 0 && await counters.AddAsync(counter) is { } counted && counted.Count > limit)
            return LockOut(counted);
        return AuthenticateResult.Fail("The API key is not valid.");
    }

    private AuthenticateResult LockOut(Grid.Grains.Limits.RequestCount failures)
    {
        Context.Items[LockedOutFor] = counters.SecondsLeft(failures);
        return AuthenticateResult.Fail("Too many wrong API keys from this address.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[LockedOutFor] is int seconds)
        {
            await TooManyRequests.WriteAsync(Context, seconds,
                $"This address has sent {api.Value.FailedKeyAttemptsPerMinute} wrong API keys this minute (Grid:Api:FailedKeyAttemptsPerMinute); every key from it is refused for now. Try again in {seconds} s with the right key.");
            return;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A browser asks for a password only when told Basic: the pages for people (the dashboard) say so.
        Response.Headers.WWWAuthenticate = Request.Path.StartsWithSegments(BasicAuthenticationPaths)
            ? "Basic realm=\"Grid\", charset=\"UTF-8\""
            : $"{SchemeName} header=\"{Header}\"";
        var detail = PresentedKey().Length > 0
            ? $"The {Header} header does not hold a key this Grid knows. Check the key, or ask its operator for one (Grid:Api:Keys)."
            : $"This Grid needs an API key: send it in the {Header} header (Grid:Api:Keys on the silo lists the keys).";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "An API key is needed", Detail = detail, Type = "https://grid.local/problems/unauthorized" },
        });
    }

    /// <summary>The <c>X-Api-Key</c> header, or else the password of HTTP Basic authentication (any user name).</summary>
    private string PresentedKey()
    {
        var header = Request.Headers[Header].ToString();
        if (header.Length > 0)
            return header;
        var authorization = Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return "";
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = credentials.IndexOf(':');
            return colon < 0 ? "" : credentials[(colon + 1)..];
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private AuthenticateResult Success(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));
}
