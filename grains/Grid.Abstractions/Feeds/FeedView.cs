using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Abstractions.Feeds;

/// <summary>A feed as Grid follows it: its schedule, what it has given so far, and the last trouble.</summary>
[GenerateSerializer, Immutable, Alias("grid.feed-view")]
public sealed record FeedView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Url { get; init; }
    [Id(2)] public required TimeSpan Every { get; init; }
    [Id(3)] public string? Title { get; init; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public DateTimeOffset? LastPollAt { get; init; }
    [Id(6)] public DateTimeOffset? NextPollAt { get; init; }
    /// <summary>Distinct items (by guid, else link) the feed has listed.</summary>
    [Id(7)] public int ItemsSeen { get; init; }
    /// <summary>Articles submitted for those items (an item whose page was already an article counts too).</summary>
    [Id(8)] public int ArticlesMade { get; init; }
    /// <summary>What went wrong at the last poll, or null when it went well.</summary>
    [Id(9)] public string? LastError { get; init; }
    /// <summary>Polls in a row that failed: the next one waits longer for each.</summary>
    [Id(10)] public int Failures { get; init; }
    /// <summary>How the last poll went: "new items", "no new items", "not modified" or "failed".</summary>
    [Id(11)] public string? LastOutcome { get; init; }
    [Id(12)] public TranslationMode Mode { get; init; }
    [Id(13)] public ImmutableArray<GlossaryEntry> Glossary { get; init; } = [];
    /// <summary>The ids of the articles made from the feed, newest last (the most recent ones only).</summary>
    [Id(14)] public ImmutableArray<string> RecentArticles { get; init; } = [];
    /// <summary>The priority of the feed's articles.</summary>
    [Id(15)] public ArticlePriority Priority { get; init; }
}
