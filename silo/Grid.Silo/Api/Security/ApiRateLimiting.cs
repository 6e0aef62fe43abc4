using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.Security;

/// <summary>
/// <c>Grid:Api:RequestsPerMinute</c> calls a minute for each API key (without keys, for each
/// caller's address), in fixed one-minute windows; one more is answered 429 with
/// <c>Retry-After</c> and a problem that says when to come back.
/// </summary>
public static class ApiRateLimiting
{
    public const string Policy = "per-key";

    public static IServiceCollection AddGridRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, Partition);
            limiter.OnRejected = OnRejectedAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var perMinute = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        if (perMinute == 0)
            return RateLimitPartition.GetNoLimiter("unlimited");
        var caller = context.User.Identity?.Name is { } key && key != ApiKeyAuthenticationHandler.Anonymous
            ? key
            : $"address:{context.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var perMinute = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This caller has made its {perMinute} calls for this minute (Grid:Api:RequestsPerMinute); try again in {seconds} s.",
                Type = "https://grid.local/problems/too-many-requests",
            },
        });
    }
}
