using Grid.Grains.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>Every watchdog period, on every silo, the watchdog grain re-drives unfinished articles.</summary>
public sealed class ArticleWatchdogService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<ArticleOptions> options,
    ILogger<ArticleWatchdogService> logger) : PeriodicSweepService(lifetime, logger)
{
    protected override string Name => "Watchdog";

    protected override TimeSpan Period => options.Value.WatchdogPeriod;

    protected override Task<int> SweepAsync() => grains.GetGrain<IArticleWatchdogGrain>(ArticleWatchdogGrain.Key).SweepAsync();
}
