namespace Grid.OllamaEmulator;

/// <summary>
/// Counters since start or the last reset, served as JSON by <c>GET /_emulator/stats</c>.
/// </summary>
public sealed record EmulatorStatsSnapshot
{
    /// <summary>Requests by <see cref="RequestKinds"/> (control routes are not counted).</summary>
    public required IReadOnlyDictionary<string, long> RequestsByKind { get; init; }

    /// <summary>Requests by <see cref="RequestOutcomes"/>.</summary>
    public required IReadOnlyDictionary<string, long> RequestsByOutcome { get; init; }

    /// <summary>Chat/generate requests served that asked for a translation (no <c>format</c>, not a critique).</summary>
    public long TranslationRequests { get; init; }

    /// <summary>Chat/generate requests served with a <c>format</c> (JSON schema or "json"), glossary requests included.</summary>
    public long StructuredRequests { get; init; }

    /// <summary>Free-text requests served that asked to review a translation (a <c>&lt;translation&gt;</c> block in the last user message).</summary>
    public long CritiqueRequests { get; init; }

    /// <summary>Structured requests served whose system message asked for a glossary.</summary>
    public long GlossaryRequests { get; init; }

    /// <summary>Highest number of requests served at once.</summary>
    public int MaxConcurrent { get; init; }

    /// <summary>Most requests waiting for a slot at once.</summary>
    public int MaxQueued { get; init; }

    /// <summary>Total time slots spent serving (sum over slots).</summary>
    public double BusyMilliseconds { get; init; }

    public int InFlight { get; init; }
    public int Queued { get; init; }

    /// <summary>The last requests, oldest first (at most <c>EmulatorStats.RecentCapacity</c>).</summary>
    public required IReadOnlyList<RequestRecord> Recent { get; init; }

    public long Kind(string kind) => RequestsByKind.GetValueOrDefault(kind);

    public long Outcome(string outcome) => RequestsByOutcome.GetValueOrDefault(outcome);
}
