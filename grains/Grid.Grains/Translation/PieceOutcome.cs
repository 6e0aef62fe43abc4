using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Translation;

/// <summary>One piece asked alone: its English, or the problem its last answer had.</summary>
internal sealed record PieceOutcome(string? English, string? Problem, LlmUsage Usage, ImmutableArray<string> Repairs);
