using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Feeds;

/// <summary>What a feed grain persists: the subscription, the validators of the last fetch, its schedule, and the items it has submitted.</summary>
[GenerateSerializer, Alias("grid.feed-state")]
public sealed class FeedState
{
    [Id(0)] public string? Url { get; set; }
    [Id(1)] public TimeSpan Every { get; set; }
    [Id(2)] public ImmutableArray<GlossaryEntry> Glossary { get; set; } = [];
    [Id(3)] public TranslationMode Mode { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public string? Title { get; set; }
    [Id(6)] public string? ETag { get; set; }
    [Id(7)] public string? LastModified { get; set; }
    [Id(8)] public DateTimeOffset? LastPollAt { get; set; }
    [Id(9)] public DateTimeOffset NextPollAt { get; set; }
    [Id(10)] public string? LastError { get; set; }
    [Id(11)] public int Failures { get; set; }
    [Id(12)] public string? LastOutcome { get; set; }
    /// <summary>Keys (guid, else link) of the items submitted, oldest first, capped at <see cref="FeedOptions.MaxRememberedItems"/>.</summary>
    [Id(13)] public List<string> Seen { get; set; } = [];
    [Id(14)] public int ItemsSeen { get; set; }
    [Id(15)] public int ArticlesMade { get; set; }
    [Id(16)] public List<string> RecentArticles { get; set; } = [];
    [Id(17)] public ArticlePriority Priority { get; set; }

    public bool Exists => Url is not null;
}
