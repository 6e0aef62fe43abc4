namespace Grid.Grains.Llm.Slots;

/// <summary>An endpoint's slots across the cluster, and whether it is in rotation.</summary>
/// <param name="Busy">Leases held (requests running on the endpoint).</param>
/// <param name="Slots">Requests the endpoint serves at once.</param>
/// <param name="Waiting">Requests in line for a slot.</param>
/// <param name="ConsecutiveFailures">Backend failures in a row since the last answer.</param>
/// <param name="RetryAt">While the circuit is open: when the next trial call is allowed.</param>
[GenerateSerializer, Immutable, Alias("grid.slot-usage")]
public sealed record SlotUsage(
    [property: Id(0)] int Busy,
    [property: Id(1)] int Slots,
    [property: Id(2)] int Waiting,
    [property: Id(3)] CircuitState Circuit,
    [property: Id(4)] int ConsecutiveFailures,
    [property: Id(5)] DateTimeOffset? RetryAt)
{
    public static SlotUsage Idle(int slots) => new(0, slots, 0, CircuitState.Closed, 0, null);

    /// <summary>Running and waiting requests per slot: the measure of how busy the endpoint is.</summary>
    public double Load => (double)(Busy + Waiting) / Math.Max(1, Slots);
}
