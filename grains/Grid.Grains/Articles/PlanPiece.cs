using System.Collections.Immutable;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>What one segment of a <see cref="PlanUnit"/> translates: the article's title, or a body paragraph (whole or one piece of it).</summary>
/// <param name="Arabic">The segment's text as sent.</param>
/// <param name="Paragraph">The body paragraph's index; null for the title, which is no paragraph.</param>
[GenerateSerializer, Immutable, Alias("grid.plan-piece")]
public sealed record PlanPiece(
    [property: Id(0)] string Arabic,
    [property: Id(1)] int? Paragraph)
{
    [JsonIgnore]
    public bool IsTitle => Paragraph is null;

    public static PlanPiece Title(string arabic) => new(arabic, null);

    /// <summary>How warnings name the piece: "the title", or "paragraph N" as the reader numbers them.</summary>
    public string Name() => Paragraph is { } index ? $"paragraph {index}" : "the title";

    /// <summary>The piece is the whole of its body paragraph in <paramref name="paragraphs"/>, not a part of it.</summary>
    public bool IsWholeParagraphOf(ImmutableArray<string> paragraphs) =>
        Paragraph is { } index && !paragraphs.IsDefault && index >= 0 && index < paragraphs.Length && string.Equals(paragraphs[index], Arabic, StringComparison.Ordinal);
}
