using Grid.Abstractions;
using Grid.Grains.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>Every sweep period, on every silo, the outbox wakes the articles with webhook deliveries pending.</summary>
public sealed class WebhookSweepService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSweepService> logger) : PeriodicSweepService(lifetime, logger)
{
    protected override string Name => "Webhook";

    protected override TimeSpan Period => options.Value.SweepPeriod;

    protected override Task<int> SweepAsync() => grains.Singleton<IWebhookOutboxGrain>().SweepAsync();
}
