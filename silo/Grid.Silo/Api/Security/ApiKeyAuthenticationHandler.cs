using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>
/// Authenticates <c>/api</c> calls by the <c>X-Api-Key</c> header. Without configured keys every
/// caller is let in as <see cref="Anonymous"/> (the API then listens on loopback only, see
/// <see cref="LoopbackBinding"/>); with keys, a call without a valid one is answered 401 with a problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRing keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string Anonymous = "anonymous";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (keys.IsOpen)
            return Task.FromResult(Success(Anonymous));
        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0)
            return Task.FromResult(AuthenticateResult.NoResult());
        return Task.FromResult(keys.Identify(presented) is { } key ? Success(key) : AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        var detail = Request.Headers[Header].ToString().Length > 0
            ? $"The {Header} header does not hold a key this Grid knows. Check the key, or ask its operator for one (Grid:Api:Keys)."
            : $"This Grid needs an API key: send it in the {Header} header (Grid:Api:Keys on the silo lists the keys).";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "An API key is needed", Detail = detail, Type = "https://grid.local/problems/unauthorized" },
        });
    }

    private AuthenticateResult Success(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));
}
