using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>LLM work that failed for good, with the kind of failure and a sentence a person can act on.</summary>
public sealed class LlmException(LlmFailureKind kind, string message, LlmUsage usage, Exception? inner = null)
    : Exception(message, inner)
{
    public LlmFailureKind Kind { get; } = kind;

    /// <summary>The LLM work spent before giving up.</summary>
    public LlmUsage Usage { get; } = usage;
}
