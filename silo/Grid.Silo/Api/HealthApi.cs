using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;

namespace Grid.Silo.Api;

/// <summary>
/// <c>/health</c>: the process is up and its silo is serving (always 200), and each LLM endpoint as
/// this silo last checked it (reachable, model present, warmed) with its slots and circuit across the
/// cluster. <c>status</c> is <c>degraded</c> when no endpoint can take work.
/// </summary>
public static class HealthApi
{
    /// <summary>The slot keepers answer in milliseconds; one that is moving between silos is reported as unknown rather than awaited.</summary>
    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (LlmEndpointPool pool, ILlmSlotDirectory slots) =>
        {
            var usages = await Task.WhenAll(pool.Endpoints.Select(endpoint => UsageAsync(slots, endpoint)));
            var endpoints = pool.Endpoints.Select((endpoint, i) => Describe(endpoint, usages[i])).ToList();
            var usable = pool.Endpoints.Where((endpoint, i) => endpoint.Health.Usable && usages[i]?.Circuit != CircuitState.Open);
            return TypedResults.Ok(new { Status = usable.Any() ? "ok" : "degraded", Endpoints = endpoints });
        });
        return app;
    }

    private static async Task<SlotUsage?> UsageAsync(ILlmSlotDirectory slots, LlmEndpoint endpoint)
    {
        try
        {
            return await slots.For(endpoint.Url).GetUsageAsync().WaitAsync(UsageTimeout);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static object Describe(LlmEndpoint endpoint, SlotUsage? usage) => new
    {
        endpoint.Url,
        Kind = endpoint.Kind.ToString(),
        endpoint.Health.Checked,
        endpoint.Health.Reachable,
        endpoint.Health.ModelPresent,
        endpoint.Health.Warmed,
        endpoint.Health.Problem,
        endpoint.Health.CheckedAt,
        Circuit = usage?.Circuit.ToString() ?? "unknown",
        ConsecutiveFailures = usage?.ConsecutiveFailures,
        RetryAt = usage?.RetryAt,
        endpoint.Slots,
        Busy = usage?.Busy,
        Waiting = usage?.Waiting,
    };
}
