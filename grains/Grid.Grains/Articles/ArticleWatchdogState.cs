namespace Grid.Grains.Articles;

[GenerateSerializer, Alias("grid.article-watchdog-state")]
public sealed class ArticleWatchdogState
{
    /// <summary>Every unfinished article, as the watchdog kept them before there were shards; handed over to the shards once.</summary>
    [Id(0)] public HashSet<string> Unfinished { get; set; } = [];

    /// <summary>Every shard count silos have tracked unfinished articles in.</summary>
    [Id(1)] public HashSet<int> ShardCounts { get; set; } = [];

    /// <summary>After a conflicting write: both; an article handed over twice is tracked once, a finished one is dropped by a sweep.</summary>
    public static ArticleWatchdogState Merge(ArticleWatchdogState stored, ArticleWatchdogState mine)
    {
        mine.Unfinished.UnionWith(stored.Unfinished);
        mine.ShardCounts.UnionWith(stored.ShardCounts);
        return mine;
    }
}
