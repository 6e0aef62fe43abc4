namespace Grid.Grains.Articles;

[GenerateSerializer, Alias("grid.unfinished-article-shard-state")]
public sealed class UnfinishedArticleShardState
{
    [Id(0)] public HashSet<string> Unfinished { get; set; } = [];

    /// <summary>After a conflicting write: both sets; a finished article left in is dropped by the next sweep.</summary>
    public static UnfinishedArticleShardState Merge(UnfinishedArticleShardState stored, UnfinishedArticleShardState mine)
    {
        mine.Unfinished.UnionWith(stored.Unfinished);
        return mine;
    }
}
