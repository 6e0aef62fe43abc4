using System.Diagnostics.Metrics;

namespace Grid.Silo.Api;

/// <summary>The API's own instruments, on the <c>Grid.Api</c> meter of this host.</summary>
public sealed class ApiMetrics
{
    public const string MeterName = "Grid.Api";

    public ApiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        EventStreams = meter.CreateUpDownCounter<int>("grid.api.event_streams", "{stream}", "Event streams open (GET /api/articles/{id}/events).");
    }

    public UpDownCounter<int> EventStreams { get; }
}
