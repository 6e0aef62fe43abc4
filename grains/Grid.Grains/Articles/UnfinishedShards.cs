using Grid.Grains.Sweeps;

namespace Grid.Grains.Articles;

/// <summary>
/// Where an unfinished article is tracked: one of <c>Grid:Articles:UnfinishedShards</c> shard grains, chosen by a
/// hash of its id that is the same in every process. A shard's key names its shard count too ("16/3"), so that
/// the shards of a count used before are still found after <c>UnfinishedShards</c> changes.
/// </summary>
public static class UnfinishedShards
{
    /// <summary>The most shards allowed: a sweep asks every one each period, on every silo.</summary>
    public const int Most = ShardKeys.Most;

    public static string KeyOf(string articleId, int count) => ShardKeys.Of(articleId, count);

    public static IEnumerable<string> All(int count) => ShardKeys.All(count);

    public static IUnfinishedArticleShardGrain Of(IGrainFactory grains, string articleId, int count) =>
        grains.GetGrain<IUnfinishedArticleShardGrain>(KeyOf(articleId, count));
}
