using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>One piece asked alone: its English, or why there is none (the failure and the last problem).</summary>
internal sealed record PieceOutcome(string? English, LlmFailureKind Failure, string? Problem, LlmUsage Usage, ImmutableArray<string> Repairs);
