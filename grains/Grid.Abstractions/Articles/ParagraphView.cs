namespace Grid.Abstractions.Articles;

/// <summary>One body paragraph of the source and its English, in source order.</summary>
/// <param name="Changed">Its Arabic is not in the article's previous revision: new, or edited (always false in revision 1).</param>
[GenerateSerializer, Immutable, Alias("grid.paragraph-view")]
public sealed record ParagraphView(
    [property: Id(0)] int Index,
    [property: Id(1)] string Ar,
    [property: Id(2)] string? En,
    [property: Id(3)] bool Changed = false);
