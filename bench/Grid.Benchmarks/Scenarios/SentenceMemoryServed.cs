using System.Diagnostics.Metrics;
using Grid.Grains;

namespace Grid.Benchmarks.Scenarios;

/// <summary>Paragraphs the sentence memory served, from the <c>grid.paragraph.lookups</c> counter (<c>grid.cache=sentences</c>) of the silos in this process.</summary>
internal sealed class SentenceMemoryServed : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public SentenceMemoryServed()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GridTelemetry.Meter.Name && instrument.Name == "grid.paragraph.lookups")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "grid.cache" && tag.Value as string == "sentences")
                    Interlocked.Add(ref _count, value);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
