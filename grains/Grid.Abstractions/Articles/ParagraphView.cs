namespace Grid.Abstractions.Articles;

/// <summary>One body paragraph of the source and its English, in source order.</summary>
[GenerateSerializer, Immutable, Alias("grid.paragraph-view")]
public sealed record ParagraphView(
    [property: Id(0)] int Index,
    [property: Id(1)] string Ar,
    [property: Id(2)] string? En);
