namespace Grid.Grains.Webhooks;

[GenerateSerializer, Alias("grid.webhook-outbox-shard-state")]
public sealed class WebhookOutboxShardState
{
    [Id(0)] public HashSet<string> Pending { get; set; } = [];

    /// <summary>After a conflicting write: both sets; an article with nothing pending is dropped by the next sweep.</summary>
    public static WebhookOutboxShardState Merge(WebhookOutboxShardState stored, WebhookOutboxShardState mine)
    {
        mine.Pending.UnionWith(stored.Pending);
        return mine;
    }
}
