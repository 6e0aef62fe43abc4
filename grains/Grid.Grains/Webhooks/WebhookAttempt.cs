namespace Grid.Grains.Webhooks;

/// <summary>How one attempt went: the answer's status, or why there was none.</summary>
/// <param name="Refused">The target may not be reached at all (the outbound guard): trying again will not help.</param>
public sealed record WebhookAttempt(int? Status, string? Error, bool Refused = false)
{
    public bool Delivered => Status is >= 200 and <= 299;
}
