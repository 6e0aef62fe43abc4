using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Scheduling;

namespace Grid.OllamaEmulator.Stats;

/// <summary>Counts finished requests and keeps the most recent ones.</summary>
internal sealed class EmulatorStats(SlotScheduler scheduler, StateChangeSignal signal)
{
    public const int RecentCapacity = 1000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _byOutcome = new(StringComparer.Ordinal);
    private readonly Queue<RequestRecord> _recent = new();
    private long _translations;
    private long _structured;
    private long _critiques;
    private long _glossaries;
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Record(RequestRecord record)
    {
        lock (_gate)
        {
            _byKind[record.Kind] = _byKind.GetValueOrDefault(record.Kind) + 1;
            _byOutcome[record.Outcome] = _byOutcome.GetValueOrDefault(record.Outcome) + 1;
            if (record.Served)
            {
                if (record.FormatPresent)
                    _structured++;
                else if (record.Task == RequestTasks.Critique)
                    _critiques++;
                else
                    _translations++;
                if (record.Task == RequestTasks.Glossary)
                    _glossaries++;
            }
            _recent.Enqueue(record);
            while (_recent.Count > RecentCapacity)
                _recent.Dequeue();
        }
        signal.Notify();
    }

    public EmulatorStatsSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new EmulatorStatsSnapshot
            {
                RequestsByKind = new Dictionary<string, long>(_byKind),
                RequestsByOutcome = new Dictionary<string, long>(_byOutcome),
                TranslationRequests = _translations,
                StructuredRequests = _structured,
                CritiqueRequests = _critiques,
                GlossaryRequests = _glossaries,
                MaxConcurrent = scheduler.MaxConcurrent,
                MaxQueued = scheduler.MaxQueued,
                BusyMilliseconds = scheduler.BusyTime.TotalMilliseconds,
                InFlight = scheduler.InFlight,
                Queued = scheduler.Queued,
                Recent = [.. _recent],
            };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byKind.Clear();
            _byOutcome.Clear();
            _recent.Clear();
            _translations = 0;
            _structured = 0;
            _critiques = 0;
            _glossaries = 0;
            scheduler.ResetCounters();
        }
        signal.Notify();
    }
}
