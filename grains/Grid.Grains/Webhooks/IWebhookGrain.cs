using System.Collections.Immutable;
using Grid.Abstractions.Articles;

namespace Grid.Grains.Webhooks;

/// <summary>The webhook deliveries of one article (keyed by its id): kept in state and retried until done or given up.</summary>
[Alias("grid.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>Stores the delivery and returns; the attempts run on the grain's timer. The same delivery twice is stored once.</summary>
    [Alias("enqueue")]
    Task EnqueueAsync(WebhookRequest request);

    [Alias("deliveries")]
    Task<ImmutableArray<WebhookDeliveryView>> GetDeliveriesAsync();

    /// <summary>Starts the attempts of pending deliveries (after a crash); true while any is pending.</summary>
    [Alias("wake")]
    Task<bool> WakeAsync();
}
