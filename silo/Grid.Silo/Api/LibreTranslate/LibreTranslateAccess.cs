using System.Threading.RateLimiting;
using Grid.Silo.Api.Security;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// Who may call <c>/translate</c> and <c>/detect</c>: with <c>Grid:Api:Keys</c>, a caller whose key (in
/// <c>api_key</c> or <c>X-Api-Key</c>) is one of them, else 403; and each key (or, without keys, each
/// address) <c>Grid:Api:RequestsPerMinute</c> times a minute, else 429. LibreTranslate's clients send
/// the key in the body, where the API's authentication cannot see it, so it is checked here.
/// </summary>
public sealed class LibreTranslateAccess(ApiKeyRing keys, IOptions<ApiOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter = options.Value.RequestsPerMinute == 0 ? null
        : PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when the call may go on; otherwise the 403 or 429 to answer.</summary>
    public IResult? Check(HttpContext context, string? bodyKey)
    {
        var presented = string.IsNullOrEmpty(bodyKey) ? context.Request.Headers[ApiKeyAuthenticationHandler.Header].ToString() : bodyKey;
        string caller;
        if (keys.IsOpen)
        {
            caller = $"address:{context.Connection.RemoteIpAddress}";
        }
        else if (presented.Length == 0)
        {
            return LibreTranslateErrors.Forbidden($"Invalid API key: this Grid needs one of its keys (Grid:Api:Keys) in api_key or the {ApiKeyAuthenticationHandler.Header} header.");
        }
        else
        {
            caller = keys.Identify(presented) ?? "";
            if (caller.Length == 0)
                return LibreTranslateErrors.Forbidden("Invalid API key: this Grid does not know the key sent. Check it, or ask the operator for one (Grid:Api:Keys).");
        }

        using var lease = _limiter?.AttemptAcquire(caller);
        return lease is { IsAcquired: false }
            ? LibreTranslateErrors.TooManyRequests($"Too many requests: this caller has made its {options.Value.RequestsPerMinute} calls for this minute (Grid:Api:RequestsPerMinute). Slow down.")
            : null;
    }

    public void Dispose() => _limiter?.Dispose();
}
