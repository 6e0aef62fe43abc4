namespace Grid.Abstractions.Articles;

/// <summary>One webhook delivery of an article, as the article shows it.</summary>
/// <param name="Id">The <c>X-Grid-Delivery</c> header: the same on every attempt of this delivery.</param>
/// <param name="Event">The <c>X-Grid-Event</c> header, e.g. <c>article.completed</c>.</param>
/// <param name="LastStatus">The HTTP status of the last answer; null when there was none.</param>
/// <param name="LastError">Why the last attempt failed, when it did.</param>
[GenerateSerializer, Immutable, Alias("grid.webhook-delivery-view")]
public sealed record WebhookDeliveryView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Event,
    [property: Id(2)] string Url,
    [property: Id(3)] int Revision,
    [property: Id(4)] DeliveryState State,
    [property: Id(5)] int Attempts,
    [property: Id(6)] int? LastStatus,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? LastAttemptAt,
    [property: Id(9)] DateTimeOffset? NextAttemptAt);
