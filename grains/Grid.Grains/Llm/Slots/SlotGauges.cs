using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// Slots busy and requests waiting per endpoint, as gauges on the <c>Grid</c> meter. Each endpoint's
/// slot grain publishes its cluster-wide figures here as they change, so only the silo that hosts
/// the grain reports them (summing the silos' series gives the truth, never a double count).
/// </summary>
public static class SlotGauges
{
    private static readonly ConcurrentDictionary<string, SlotUsage> Published = new(StringComparer.Ordinal);

    static SlotGauges()
    {
        GridTelemetry.Meter.CreateObservableGauge("grid.llm.slots.busy", () => Read(usage => usage.Busy), "{slot}",
            "Slots of an endpoint held by running requests, across the cluster.");
        GridTelemetry.Meter.CreateObservableGauge("grid.llm.slots.waiting", () => Read(usage => usage.Waiting), "{request}",
            "Requests in line for a slot of an endpoint, across the cluster.");
        GridTelemetry.Meter.CreateObservableGauge("grid.llm.slots.total", () => Read(usage => usage.Slots), "{slot}",
            "Requests an endpoint serves at once (Grid:Llm:Endpoints:N:Slots).");
    }

    public static void Publish(string endpoint, SlotUsage usage) => Published[endpoint] = usage;

    /// <summary>The grain left this silo: another one reports the endpoint from now on.</summary>
    public static void Withdraw(string endpoint) => Published.TryRemove(endpoint, out _);

    private static IEnumerable<Measurement<int>> Read(Func<SlotUsage, int> figure) =>
        Published.Select(pair => new Measurement<int>(figure(pair.Value), new KeyValuePair<string, object?>(LlmMetrics.EndpointTag, pair.Key)));
}
