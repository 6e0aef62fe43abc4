namespace Grid.Grains.Webhooks;

[GenerateSerializer, Alias("grid.webhook-outbox-state")]
public sealed class WebhookOutboxState
{
    /// <summary>Every article with deliveries pending, as the single outbox kept them before shards; handed over to the shards once.</summary>
    [Id(0)] public HashSet<string> Pending { get; set; } = [];

    /// <summary>Every shard count silos have tracked pending deliveries in.</summary>
    [Id(1)] public HashSet<int> ShardCounts { get; set; } = [];

    /// <summary>After a conflicting write: both; an article handed over twice is tracked once, one with nothing pending is dropped by a sweep.</summary>
    public static WebhookOutboxState Merge(WebhookOutboxState stored, WebhookOutboxState mine)
    {
        mine.Pending.UnionWith(stored.Pending);
        mine.ShardCounts.UnionWith(stored.ShardCounts);
        return mine;
    }
}
