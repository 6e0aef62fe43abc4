using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>
/// <c>Grid:Api:RequestsPerMinute</c> calls a minute for each API key (without keys, for each caller's address),
/// counted for the whole cluster in fixed one-minute windows; one more is answered 429 with <c>Retry-After</c>.
/// </summary>
public sealed class ClusterRateLimiter(RequestDelegate next, RequestCounters counters, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var perMinute = options.Value.RequestsPerMinute;
        if (perMinute == 0 || context.GetEndpoint()?.Metadata.GetMetadata<ClusterRateLimited>() is null)
        {
            await next(context);
            return;
        }
        var caller = context.User.Identity?.Name is { } key && key != ApiKeyAuthenticationHandler.Anonymous
            ? key
            : $"address:{context.Connection.RemoteIpAddress}";
        if (await counters.AddAsync($"calls/{caller}") is { } count && count.Count > perMinute)
        {
            var seconds = counters.SecondsLeft(count);
            await TooManyRequests.WriteAsync(context, seconds,
                $"This caller has made its {perMinute} calls for this minute (Grid:Api:RequestsPerMinute, counted across the cluster); try again in {seconds} s.");
            return;
        }
        await next(context);
    }
}
