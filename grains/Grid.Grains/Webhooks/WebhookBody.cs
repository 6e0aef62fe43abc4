using Grid.Abstractions.Articles;

namespace Grid.Grains.Webhooks;

/// <summary>The JSON a webhook POSTs (camelCase, the status in lower case as on the API).</summary>
public sealed record WebhookBody(
    string Id,
    string Event,
    string Status,
    int Revision,
    BilingualText? Title,
    ArticleSummary? Summary,
    string? Failure,
    DateTimeOffset? FinishedAt,
    WebhookLinks Links);
