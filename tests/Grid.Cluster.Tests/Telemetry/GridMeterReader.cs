using System.Diagnostics.Metrics;
using Grid.Grains;
using Grid.Grains.Llm;

namespace Grid.Cluster.Tests.Telemetry;

/// <summary>
/// Listens to the <c>Grid</c> and <c>Grid.Llm</c> meters in this process: sums of counters (a histogram
/// counts its recordings) asked for as <c>instrument|tag=value|tag=value...</c>, and the latest value of each gauge series.
/// </summary>
internal sealed class GridMeterReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, HashSet<string> Tags, double Value)> _measurements = [];
    private readonly Dictionary<string, double> _gauges = [];

    public GridMeterReader()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is GridTelemetry.Name or GridLlmTelemetry.SourceName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Add(instrument, 1, tags));
        _listener.Start();
    }

    public void Clear()
    {
        lock (_measurements)
            _measurements.Clear();
    }

    /// <summary>The sum of the measurements of an instrument that carry every tag=value given after it.</summary>
    public double Total(string query)
    {
        var parts = query.Split('|');
        lock (_measurements)
            return _measurements.Where(m => m.Instrument == parts[0] && parts.Skip(1).All(m.Tags.Contains)).Sum(m => m.Value);
    }

    /// <summary>Observes the gauges now; the value of <paramref name="instrument"/> for the series tagged <paramref name="tag"/>=<paramref name="value"/>, or null.</summary>
    public double? Gauge(string instrument, string tag, string value)
    {
        _listener.RecordObservableInstruments();
        lock (_measurements)
            return _gauges.TryGetValue($"{instrument}|{tag}={value}", out var latest) ? latest : null;
    }

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var pairs = new HashSet<string>();
        foreach (var tag in tags)
            pairs.Add($"{tag.Key}={tag.Value}");
        lock (_measurements)
        {
            if (instrument is ObservableInstrument<int>)
            {
                foreach (var pair in pairs)
                    _gauges[$"{instrument.Name}|{pair}"] = value;
                return;
            }
            _measurements.Add((instrument.Name, pairs, value));
        }
    }
}
