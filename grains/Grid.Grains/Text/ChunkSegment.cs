namespace Grid.Grains.Text;

/// <summary>A whole paragraph, or one piece of a paragraph too long for a chunk.</summary>
/// <param name="ParagraphIndex">The paragraph's index in the list given to <see cref="ArabicChunker.Chunk"/>.</param>
/// <param name="Text">The paragraph's text, or the piece of it; never contains a blank line.</param>
[GenerateSerializer, Immutable, Alias("grid.chunk-segment")]
public sealed record ChunkSegment(
    [property: Id(0)] int ParagraphIndex,
    [property: Id(1)] string Text);
