namespace Grid.Grains.Webhooks;

/// <summary>Where the article can be read, as paths on the API that sent the webhook.</summary>
public sealed record WebhookLinks(string Article, string Summary);
