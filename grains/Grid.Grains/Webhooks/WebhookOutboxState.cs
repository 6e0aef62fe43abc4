namespace Grid.Grains.Webhooks;

[GenerateSerializer, Alias("grid.webhook-outbox-state")]
public sealed class WebhookOutboxState
{
    [Id(0)] public HashSet<string> Pending { get; set; } = [];

    /// <summary>After a conflicting write: both sets; an article with nothing pending is dropped by the next sweep.</summary>
    public static WebhookOutboxState Merge(WebhookOutboxState stored, WebhookOutboxState mine)
    {
        mine.Pending.UnionWith(stored.Pending);
        return mine;
    }
}
