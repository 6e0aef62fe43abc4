namespace Grid.Grains.Webhooks;

/// <summary>What a webhook grain persists: every delivery of its article, pending or not.</summary>
[GenerateSerializer, Alias("grid.webhook-state")]
public sealed class WebhookState
{
    [Id(0)] public List<WebhookDelivery> Deliveries { get; set; } = [];

    public bool HasPending => Deliveries.Any(delivery => delivery.Pending);
}
