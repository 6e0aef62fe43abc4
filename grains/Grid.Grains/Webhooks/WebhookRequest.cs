namespace Grid.Grains.Webhooks;

/// <summary>One delivery as the article hands it off: where to, and the exact body every attempt sends.</summary>
/// <param name="DeliveryId">Derived from article, revision, event and URL: handing off the same delivery again is a no-op.</param>
[GenerateSerializer, Immutable, Alias("grid.webhook-request")]
public sealed record WebhookRequest(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string Event,
    [property: Id(2)] string Url,
    [property: Id(3)] int Revision,
    [property: Id(4)] string Body);
