using Grid.Abstractions.Articles;
using Grid.Grains.Webhooks;

namespace Grid.Grains.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly WebhookOptions Options = new() { RetryAfter = TimeSpan.FromSeconds(10), GiveUpAfter = TimeSpan.FromHours(1) };

    [Fact]
    public void FailedAttemptsWaitTwiceAsLongEachTime()
    {
        var delivery = New();

        delivery.Record(new WebhookAttempt(500, "the receiver answered 500"), Start, Options);
        Assert.Equal(Start.AddSeconds(10), delivery.NextAttemptAt);
        delivery.Record(new WebhookAttempt(null, "connection refused"), Start.AddSeconds(10), Options);
        Assert.Equal(Start.AddSeconds(30), delivery.NextAttemptAt);
        delivery.Record(new WebhookAttempt(503, "busy"), Start.AddSeconds(30), Options);
        Assert.Equal(Start.AddSeconds(70), delivery.NextAttemptAt);

        Assert.Equal(DeliveryState.Pending, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(503, delivery.View().LastStatus);
    }

    [Fact]
    public void A2xxDelivers()
    {
        var delivery = New();
        delivery.Record(new WebhookAttempt(500, "the receiver answered 500"), Start, Options);

        delivery.Record(new WebhookAttempt(204, null), Start.AddSeconds(10), Options);

        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Null(delivery.View().NextAttemptAt);
    }

    [Fact]
    public void ADeliveryIsGivenUpOnceGiveUpAfterHasPassed()
    {
        var delivery = New();

        delivery.Record(new WebhookAttempt(500, "the receiver answered 500"), Start.AddMinutes(59), Options);
        Assert.Equal(DeliveryState.Pending, delivery.State);
        delivery.Record(new WebhookAttempt(500, "the receiver answered 500"), Start.AddHours(1), Options);
        Assert.Equal(DeliveryState.GivenUp, delivery.State);
    }

    [Fact]
    public void ATargetTheGuardRefusesIsGivenUpAtOnceWithItsReason()
    {
        var delivery = New();

        delivery.Record(new WebhookAttempt(null, "localhost resolves to 127.0.0.1, which is loopback", Refused: true), Start, Options);

        Assert.Equal(DeliveryState.GivenUp, delivery.State);
        Assert.Contains("loopback", delivery.View().LastError);
    }

    private static WebhookDelivery New() => new()
    {
        Request = new WebhookRequest("d1", WebhookEvents.Completed, "https://example.com/hook", 1, "{}"),
        CreatedAt = Start,
        NextAttemptAt = Start,
    };
}
