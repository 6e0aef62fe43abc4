using System.Diagnostics.Metrics;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>
/// The LLM boundary's instruments on the <c>Grid</c> meter, every one tagged with the endpoint so an
/// operator sees which backend is slow, failing or full. (The GenAI conventions' own instruments,
/// written by <see cref="LlmChatSpan"/>, are on the <c>Grid.Llm</c> meter and do not tell endpoints apart.)
/// </summary>
public static class LlmMetrics
{
    public const string EndpointTag = "grid.llm.endpoint";
    public const string OutcomeTag = "grid.llm.outcome";
    public const string TokenTypeTag = "gen_ai.token.type";

    /// <summary>The answer was complete and passed its checks.</summary>
    public const string Accepted = "ok";

    /// <summary>The backend answered, but the answer was cut off or failed its checks (and is retried).</summary>
    public const string Rejected = "invalid";

    /// <summary>The backend failed: refused, busy, timed out, broke the stream; <c>error.type</c> says how.</summary>
    public const string Failed = "failed";

    /// <summary>The caller gave up first (the silo is stopping, the work was cancelled).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>From a quick reply to a long article's summary on a slow CPU backend.</summary>
    private static readonly IReadOnlyList<double> SecondsBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300, 600];

    public static Counter<long> Calls { get; } = GridTelemetry.Meter.CreateCounter<long>(
        "grid.llm.calls", "{call}", "LLM requests sent, by endpoint and outcome.");

    public static Counter<long> Tokens { get; } = GridTelemetry.Meter.CreateCounter<long>(
        "grid.llm.tokens", "{token}", "Tokens the LLM read (input) and wrote (output), by endpoint.");

    public static Histogram<double> Duration { get; } = GridTelemetry.Meter.CreateHistogram(
        "grid.llm.duration", "s", "Time from sending an LLM request to its last token, by endpoint and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    public static Histogram<double> TimeToFirstToken { get; } = GridTelemetry.Meter.CreateHistogram(
        "grid.llm.time_to_first_token", "s", "Time from sending an LLM request to its first token, by endpoint: queueing and prompt reading on the backend.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    public static void RecordAnswer(LlmAnswer answer, bool accepted)
    {
        var endpoint = new KeyValuePair<string, object?>(EndpointTag, answer.Endpoint);
        var outcome = new KeyValuePair<string, object?>(OutcomeTag, accepted ? Accepted : Rejected);
        Calls.Add(1, endpoint, outcome);
        Duration.Record(answer.Duration.TotalSeconds, endpoint, outcome);
        Tokens.Add(answer.InputTokens, endpoint, new(TokenTypeTag, "input"));
        Tokens.Add(answer.OutputTokens, endpoint, new(TokenTypeTag, "output"));
    }

    public static void RecordFailure(string endpoint, LlmFailureKind kind, TimeSpan duration)
    {
        var tags = new KeyValuePair<string, object?>[] { new(EndpointTag, endpoint), new(OutcomeTag, Failed), new("error.type", kind.ToString()) };
        Calls.Add(1, tags);
        Duration.Record(duration.TotalSeconds, tags);
    }

    public static void RecordCancelled(string endpoint) =>
        Calls.Add(1, new KeyValuePair<string, object?>(EndpointTag, endpoint), new(OutcomeTag, Cancelled));

    public static void RecordFirstToken(string endpoint, TimeSpan sinceSent) =>
        TimeToFirstToken.Record(sinceSent.TotalSeconds, new KeyValuePair<string, object?>(EndpointTag, endpoint));
}
