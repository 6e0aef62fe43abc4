using Grid.Abstractions;
using Grid.Grains.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>
/// Every sweep period, on every silo, the outbox's shards wake the articles with webhook deliveries pending. A shard
/// another silo swept within half a period answers at once, so more silos add no work. The first time, the silo opens
/// the shards' directory: what the single outbox kept before shards, or what shards of another count hold, is handed
/// over to the configured shards.
/// </summary>
public sealed class WebhookSweepService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSweepService> logger) : PeriodicSweepService(lifetime, logger)
{
    /// <summary>Shards swept at once by one silo: each wakes up to a batch of webhook grains.</summary>
    private const int ShardsAtOnce = 4;

    private bool _opened;

    protected override string Name => "Webhook";

    protected override TimeSpan Period => options.Value.SweepPeriod;

    private int Shards => options.Value.OutboxShards;

    protected override async Task<int> SweepAsync()
    {
        if (!_opened)
            await OpenAsync();
        var left = 0;
        await Parallel.ForEachAsync(WebhookOutboxShards.All(Shards), new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce }, async (key, _) =>
            Interlocked.Add(ref left, await grains.GetGrain<IWebhookOutboxShardGrain>(key).SweepAsync(Period / 2)));
        return left;
    }

    /// <summary>Idempotent, so a silo that fails half-way (or several silos at once) simply open again.</summary>
    private async Task OpenAsync()
    {
        var before = await grains.Singleton<IWebhookOutboxGrain>().OpenAsync(Shards);
        await Parallel.ForEachAsync(before.SelectMany(WebhookOutboxShards.All), new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce }, async (key, _) =>
            await grains.GetGrain<IWebhookOutboxShardGrain>(key).HandOverAsync(Shards));
        _opened = true;
    }
}
