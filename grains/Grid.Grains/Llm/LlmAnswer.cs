using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>A complete answer from a backend, with what it cost.</summary>
/// <param name="DoneReason">Ollama's <c>done_reason</c>: <c>stop</c> for a finished answer, <c>length</c> when cut off.</param>
public sealed record LlmAnswer(
    string Text,
    string? DoneReason,
    int InputTokens,
    int OutputTokens,
    TimeSpan Duration,
    string Endpoint)
{
    public LlmUsage Usage => new(1, InputTokens, OutputTokens, (long)Duration.TotalMilliseconds);
}
