using System.Collections.Immutable;

namespace Grid.Abstractions.Articles;

/// <summary>The article's summary in both languages, made from the same facts so they agree.</summary>
[GenerateSerializer, Immutable, Alias("grid.article-summary")]
public sealed record ArticleSummary(
    [property: Id(0)] string En,
    [property: Id(1)] string Ar,
    [property: Id(2)] ImmutableArray<string> KeyPoints);
