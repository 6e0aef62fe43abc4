using System.Collections.Immutable;

namespace Grid.Grains.Articles;

/// <summary>Moves tracked articles to their shards under a shard count: one call, and one write, per receiving shard.</summary>
public static class UnfinishedArticleHandOver
{
    public static Task ToShardsAsync(IGrainFactory grains, IEnumerable<string> articleIds, int shards) =>
        Task.WhenAll(articleIds
            .GroupBy(id => UnfinishedShards.KeyOf(id, shards))
            .Select(group => grains.GetGrain<IUnfinishedArticleShardGrain>(group.Key).TrackAllAsync([.. group])));
}
