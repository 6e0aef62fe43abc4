namespace Grid.Grains.Text;

/// <summary>Where <see cref="ArabicChunker"/> may cut a paragraph, from the most to the least preferred.</summary>
internal enum Boundary
{
    Sentence,
    Clause,
    Word,
}
