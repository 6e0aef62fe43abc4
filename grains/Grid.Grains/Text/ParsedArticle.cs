using System.Collections.Immutable;

namespace Grid.Grains.Text;

/// <summary>
/// An article taken apart. Every non-empty line of the normalized source is in exactly one place:
/// <see cref="DateLine"/>, <see cref="Title"/>, <see cref="Byline"/>, <see cref="Paragraphs"/> or <see cref="Omitted"/>.
/// </summary>
/// <param name="DateLine">The date/time line near the top, as written ("29 مارس، 2024 12:57 م").</param>
/// <param name="Title">The headline, when the page has one.</param>
/// <param name="Byline">The author or source line before the body ("وكالات – كتابات :").</param>
/// <param name="Paragraphs">The body paragraphs in order, each exactly as in the normalized source.</param>
/// <param name="Omitted">Every other line (navigation, share buttons, related links...), in source order, with why.</param>
[GenerateSerializer, Immutable, Alias("grid.parsed-article")]
public sealed record ParsedArticle(
    [property: Id(0)] string? DateLine,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Byline,
    [property: Id(3)] ImmutableArray<string> Paragraphs,
    [property: Id(4)] ImmutableArray<OmittedLine> Omitted)
{
    // ImmutableArray compares by reference; two parses of one text should be equal.
    public bool Equals(ParsedArticle? other) =>
        other is not null
        && DateLine == other.DateLine
        && Title == other.Title
        && Byline == other.Byline
        && Paragraphs.SequenceEqual(other.Paragraphs)
        && Omitted.SequenceEqual(other.Omitted);

    public override int GetHashCode() => HashCode.Combine(DateLine, Title, Byline, Paragraphs.Length, Omitted.Length);
}
