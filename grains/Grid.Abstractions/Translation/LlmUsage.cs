namespace Grid.Abstractions.Translation;

/// <summary>What LLM work cost: calls, tokens and time spent in the backend.</summary>
[GenerateSerializer, Immutable, Alias("grid.llm-usage")]
public sealed record LlmUsage(
    [property: Id(0)] int Calls,
    [property: Id(1)] long InputTokens,
    [property: Id(2)] long OutputTokens,
    [property: Id(3)] long Milliseconds)
{
    /// <summary>
    /// A new zero each time, never one shared instance: state that starts from it (an article's usage)
    /// is filled in place when Orleans reads it back, and a shared zero would then carry one article's
    /// usage into every other.
    /// </summary>
    public static LlmUsage None => new(0, 0, 0, 0);

    public static LlmUsage operator +(LlmUsage a, LlmUsage b) =>
        new(a.Calls + b.Calls, a.InputTokens + b.InputTokens, a.OutputTokens + b.OutputTokens, a.Milliseconds + b.Milliseconds);
}
