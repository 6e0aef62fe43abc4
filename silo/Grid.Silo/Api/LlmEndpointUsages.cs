using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;

namespace Grid.Silo.Api;

/// <summary>Each LLM endpoint's slots and circuit across the cluster, as far as its keeper answers in time.</summary>
public static class LlmEndpointUsages
{
    /// <summary>The slot keepers answer in milliseconds; one that is moving between silos is reported as unknown rather than awaited.</summary>
    private static readonly TimeSpan UsageTimeout = TimeSpan.FromSeconds(2);

    /// <returns>The usage of each endpoint of <paramref name="pool"/>, in order; null where it is unknown.</returns>
    public static Task<SlotUsage?[]> ReadAsync(LlmEndpointPool pool, ILlmSlotDirectory slots) =>
        Task.WhenAll(pool.Endpoints.Select(endpoint => UsageAsync(slots, endpoint)));

    /// <summary>Checked and found working (or not checked yet), with its circuit not open.</summary>
    public static bool Usable(LlmEndpoint endpoint, SlotUsage? usage) => endpoint.Health.Usable && usage?.Circuit != CircuitState.Open;

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
}
