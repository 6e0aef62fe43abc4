using Grid.Silo.Api.Security;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// Who may call <c>/translate</c> and <c>/detect</c>: with <c>Grid:Api:Keys</c>, a caller whose key (in
/// <c>api_key</c> or <c>X-Api-Key</c>) is one of them, else 403; and each key (or, without keys, each
/// address) <c>Grid:Api:RequestsPerMinute</c> times a minute, else 429. LibreTranslate's clients send
/// the key in the body, where the API's authentication cannot see it, so it is checked here, against the
/// same cluster-wide counters as the rest of the API: the calls of a key, and the wrong keys of an address
/// (<c>Grid:Api:FailedKeyAttemptsPerMinute</c>), so that guessing keys here is no easier than at <c>/api</c>.
/// </summary>
public sealed class LibreTranslateAccess(ApiKeyRing keys, RequestCounters counters, IOptions<ApiOptions> options)
{
    private readonly ApiOptions _options = options.Value;

    /// <summary>Null when the call may go on; otherwise the 403 or 429 to answer.</summary>
    public async Task<IResult?> CheckAsync(HttpContext context, string? bodyKey)
    {
        var presented = string.IsNullOrEmpty(bodyKey) ? context.Request.Headers[ApiKeyAuthenticationHandler.Header].ToString() : bodyKey;
        var address = context.Connection.RemoteIpAddress;
        string caller;
        if (keys.IsOpen)
        {
            caller = $"address:{address}";
        }
        else if (presented.Length == 0)
        {
            return LibreTranslateErrors.Forbidden($"Invalid API key: this Grid needs one of its keys (Grid:Api:Keys) in api_key or the {ApiKeyAuthenticationHandler.Header} header.");
        }
        else
        {
            var failedKeys = $"failed-keys/{address}";
            var limit = _options.FailedKeyAttemptsPerMinute;
            // Checked before the key, and for right keys too, as at /api: a 200 among the 429s would give the right key away.
            if (limit > 0 && await counters.PeekAsync(failedKeys) is { } failures && failures.Count >= limit)
                return LockedOut(failures);
            caller = keys.Identify(presented) ?? "";
            if (caller.Length == 0)
            {
                if (limit > 0 && await counters.AddAsync(failedKeys) is { } counted && counted.Count > limit)
                    return LockedOut(counted);
                return LibreTranslateErrors.Forbidden("Invalid API key: this Grid does not know the key sent. Check it, or ask the operator for one (Grid:Api:Keys).");
            }
        }

        var perMinute = _options.RequestsPerMinute;
        if (perMinute > 0 && await counters.AddAsync($"calls/{caller}") is { } count && count.Count > perMinute)
        {
            context.Response.Headers.RetryAfter = counters.SecondsLeft(count).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LibreTranslateErrors.TooManyRequests($"Too many requests: this caller has made its {perMinute} calls for this minute (Grid:Api:RequestsPerMinute, counted across the cluster). Slow down.");
        }
        return null;
    }

    private IResult LockedOut(Grid.Grains.Limits.RequestCount failures)
    {
        var seconds = counters.SecondsLeft(failures);
        return LibreTranslateErrors.TooManyRequests(
            $"Too many requests: this address has sent {_options.FailedKeyAttemptsPerMinute} wrong API keys this minute (Grid:Api:FailedKeyAttemptsPerMinute); every key from it is refused for {seconds} s.");
    }
}
