using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;

namespace Grid.Silo.Api;

/// <summary>
/// A grain call that meets a silo gone before the cluster has declared it dead (a SIGKILL, a lost
/// machine) is rejected by Orleans for the few seconds membership takes to notice, or, when it was
/// already on its way there, times out after Orleans' response timeout. Every grain call behind the API
/// is keyed and safe to repeat, and the same call succeeds a moment later, so the caller gets 503 with
/// Retry-After, not a 500 that reads as a bug.
/// </summary>
public sealed class ClusterUnavailableExceptionHandler : IExceptionHandler
{
    /// <summary>Membership declares a dead silo within seconds; a client asking again after one is usually served.</summary>
    private const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (OrleansMessageRejectionException or TimeoutException))
            return false;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Unavailable("A silo of the cluster could not be reached or did not answer in time (it may be being replaced); ask again in a moment.").ExecuteAsync(httpContext);
        return true;
    }
}
