using Grid.Abstractions.Articles;

namespace Grid.Grains.Webhooks;

/// <summary>One delivery as the webhook grain keeps it: what to send and how the attempts went.</summary>
[GenerateSerializer, Alias("grid.webhook-delivery")]
public sealed class WebhookDelivery
{
    /// <summary>The longest wait between attempts, however many failed.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    [Id(0)] public required WebhookRequest Request { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public DeliveryState State { get; set; }
    [Id(3)] public int Attempts { get; set; }
    [Id(4)] public int? LastStatus { get; set; }
    [Id(5)] public string? LastError { get; set; }
    [Id(6)] public DateTimeOffset? LastAttemptAt { get; set; }
    [Id(7)] public DateTimeOffset NextAttemptAt { get; set; }

    public bool Pending => State == DeliveryState.Pending;

    /// <summary>Counts an attempt and decides what follows: done, given up, or the next try after a doubling wait.</summary>
    public void Record(WebhookAttempt attempt, DateTimeOffset now, WebhookOptions options)
    {
        Attempts++;
        (LastStatus, LastError, LastAttemptAt) = (attempt.Status, attempt.Error, now);
        if (attempt.Delivered)
            State = DeliveryState.Delivered;
        else if (attempt.Refused || now - CreatedAt >= options.GiveUpAfter)
            State = DeliveryState.GivenUp;
        else
            NextAttemptAt = now + Backoff(options.RetryAfter);
    }

    public WebhookDeliveryView View() => new(
        Request.DeliveryId, Request.Event, Request.Url, Request.Revision, State, Attempts, LastStatus, LastError, LastAttemptAt,
        Pending ? NextAttemptAt : null);

    private TimeSpan Backoff(TimeSpan first) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Min(Attempts - 1, 30)), MaxRetryAfter.Ticks));
}
