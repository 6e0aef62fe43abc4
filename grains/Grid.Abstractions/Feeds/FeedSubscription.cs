using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Feeds;

/// <summary>An RSS or Atom feed to follow: each new item's page becomes an article, submitted by URL.</summary>
/// <param name="Url">The feed's address.</param>
/// <param name="Every">How often to poll it.</param>
/// <param name="Glossary">Renderings every article of the feed uses.</param>
/// <param name="Mode">The translation mode of its articles.</param>
/// <param name="Priority">The priority of its articles, whose owner for the LLM's turns is the feed.</param>
[GenerateSerializer, Immutable, Alias("grid.feed-subscription")]
public sealed record FeedSubscription(
    [property: Id(0)] string Url,
    [property: Id(1)] TimeSpan Every,
    [property: Id(2)] ImmutableArray<GlossaryEntry> Glossary = default,
    [property: Id(3)] TranslationMode Mode = TranslationMode.Fast,
    [property: Id(4)] ArticlePriority Priority = ArticlePriority.Normal);
