using System.Collections.Immutable;

namespace Grid.Grains.Text;

/// <summary>A unit of translation work: consecutive paragraphs, or pieces of them, within the token budget.</summary>
/// <param name="Index">The chunk's position in the article, from 0.</param>
/// <param name="Segments">The paragraphs or paragraph pieces, in article order.</param>
[GenerateSerializer, Immutable, Alias("grid.text-chunk")]
public sealed record TextChunk(
    [property: Id(0)] int Index,
    [property: Id(1)] ImmutableArray<ChunkSegment> Segments)
{
    /// <summary>What separates segments in <see cref="Text"/>: a blank line, which no segment contains.</summary>
    public const string SegmentSeparator = "\n\n";

    /// <summary>The text sent for translation: the segments joined by <see cref="SegmentSeparator"/>. Computed, not serialized.</summary>
    public string Text => string.Join(SegmentSeparator, Segments.Select(segment => segment.Text));

    // ImmutableArray compares by reference; two chunkings of one article should be equal.
    public bool Equals(TextChunk? other) =>
        other is not null && Index == other.Index && Segments.SequenceEqual(other.Segments);

    public override int GetHashCode() => HashCode.Combine(Index, Segments.Length);
}
