using Grid.Abstractions;
using Grid.Abstractions.Feeds;
using Grid.Grains.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Feeds;

/// <summary>
/// Once a silo is up, and now and then after, wakes every followed feed so that its reminder is registered:
/// with a reminder service that forgets on restart (in memory, for one node on SQLite), the feeds still poll on.
/// </summary>
public sealed class FeedSweepService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<FeedOptions> options,
    ILogger<FeedSweepService> logger) : PeriodicSweepService(lifetime, logger)
{
    protected override string Name => "Feed";

    protected override TimeSpan Period => options.Value.MaxBackoff;

    protected override async Task<int> SweepAsync()
    {
        var feeds = await grains.Singleton<IFeedCatalogGrain>().ListAsync();
        await Task.WhenAll(feeds.Select(id => grains.GetGrain<IFeedGrain>(id).WakeAsync()));
        return feeds.Length;
    }
}
