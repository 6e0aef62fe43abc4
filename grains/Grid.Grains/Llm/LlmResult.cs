using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Llm;

/// <summary>Checked LLM output and the work it took, retries included.</summary>
public sealed record LlmResult<T>(T Value, LlmUsage Usage, ImmutableArray<string> Repairs);
