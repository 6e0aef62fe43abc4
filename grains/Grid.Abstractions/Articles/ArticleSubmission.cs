using System.Collections.Immutable;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Articles;

/// <summary>An article as a caller hands it in: the raw text and what the caller knows about it.</summary>
/// <param name="Text">The article text, as scraped; Grid parses title, date line, byline and cruft out of it.</param>
/// <param name="Title">A title the caller already knows; overrides the parsed one.</param>
/// <param name="Url">Where the article was found.</param>
/// <param name="Source">The publication or agency.</param>
/// <param name="Id">An id of the caller's choosing; by default the id is a hash of the normalized text (and of the glossary and mode, when given).</param>
/// <param name="Glossary">Renderings the caller wants for names and terms; they beat the configured and the extracted ones.</param>
/// <param name="Mode">Fast (one call per chunk, the default) or reflect (translate, critique, improve).</param>
/// <param name="CallbackUrl">Where Grid POSTs a signed webhook when the article finishes (completed or failed).</param>
/// <param name="Priority">Which waiting LLM work goes first: a breaking story (<c>High</c>) ahead of an import (<c>Low</c>).</param>
/// <param name="Feed">The feed that submitted this article (its id), set by the feed's grain; null for a caller's submission.</param>
/// <param name="Html">A web page as saved, instead of <paramref name="Text"/>: Grid extracts its article. Without either, <paramref name="Url"/> is fetched.</param>
[GenerateSerializer, Immutable, Alias("grid.article-submission")]
public sealed record ArticleSubmission(
    [property: Id(0)] string Text,
    [property: Id(1)] string? Title = null,
    [property: Id(2)] string? Url = null,
    [property: Id(3)] string? Source = null,
    [property: Id(4)] string? Id = null,
    [property: Id(5)] ImmutableArray<GlossaryEntry> Glossary = default,
    [property: Id(6)] TranslationMode Mode = TranslationMode.Fast,
    [property: Id(7)] string? CallbackUrl = null,
    [property: Id(8)] string? Html = null,
    [property: Id(9)] ArticlePriority Priority = ArticlePriority.Normal,
    [property: Id(10)] string? Feed = null);
