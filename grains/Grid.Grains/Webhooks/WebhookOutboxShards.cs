using Grid.Grains.Sweeps;

namespace Grid.Grains.Webhooks;

/// <summary>
/// Where an article with webhook deliveries pending is tracked: one of <c>Grid:Webhooks:OutboxShards</c> shard grains,
/// chosen by a hash of its id that is the same in every process. A shard's key names its shard count too ("16/3"),
/// so that the shards of a count used before are still found after <c>OutboxShards</c> changes.
/// </summary>
public static class WebhookOutboxShards
{
    /// <summary>The most shards allowed: a sweep asks every one each period, on every silo.</summary>
    public const int Most = ShardKeys.Most;

    public static string KeyOf(string articleId, int count) => ShardKeys.Of(articleId, count);

    public static IEnumerable<string> All(int count) => ShardKeys.All(count);

    public static IWebhookOutboxShardGrain Of(IGrainFactory grains, string articleId, int count) =>
        grains.GetGrain<IWebhookOutboxShardGrain>(KeyOf(articleId, count));

    /// <summary>Tracks articles in their shards under <paramref name="count"/>: one call, and one write, per receiving shard.</summary>
    public static Task HandOverAsync(IGrainFactory grains, IEnumerable<string> articleIds, int count) =>
        Task.WhenAll(articleIds
            .GroupBy(id => KeyOf(id, count))
            .Select(group => grains.GetGrain<IWebhookOutboxShardGrain>(group.Key).TrackAllAsync([.. group])));
}
