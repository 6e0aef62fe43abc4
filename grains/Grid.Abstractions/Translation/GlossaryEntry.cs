namespace Grid.Abstractions.Translation;

/// <summary>One name or recurring term of an article and the English every paragraph must use for it.</summary>
/// <param name="Source">The term as it appears in the Arabic, without clitic prefixes (كيربي, not وكيربي).</param>
/// <param name="English">The one English rendering (Kirby).</param>
/// <param name="Kind">person, place, organisation, title or term.</param>
/// <param name="Origin">Who chose the rendering; the user's choice beats the configuration's, which beats the extracted one.</param>
[GenerateSerializer, Immutable, Alias("grid.glossary-entry")]
public sealed record GlossaryEntry(
    [property: Id(0)] string Source,
    [property: Id(1)] string English,
    [property: Id(2)] string Kind = GlossaryEntry.TermKind,
    [property: Id(3)] GlossaryOrigin Origin = GlossaryOrigin.User)
{
    public const string TermKind = "term";
}
