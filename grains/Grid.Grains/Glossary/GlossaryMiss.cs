using Grid.Abstractions.Translation;

namespace Grid.Grains.Glossary;

/// <summary>A paragraph piece whose Arabic has the entry's term but whose English lacks the entry's rendering.</summary>
/// <param name="ChunkIndex">The chunk (or the title's index).</param>
/// <param name="Segment">The piece within the chunk.</param>
public sealed record GlossaryMiss(int ChunkIndex, int Segment, GlossaryEntry Entry);
