namespace Grid.Abstractions.Articles;

/// <summary>A piece of text in Arabic and its English, which is null until translated.</summary>
[GenerateSerializer, Immutable, Alias("grid.bilingual-text")]
public sealed record BilingualText(
    [property: Id(0)] string Ar,
    [property: Id(1)] string? En);
