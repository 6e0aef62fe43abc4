using Grid.Abstractions;
using Grid.Grains.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>
/// Every watchdog period, on every silo, the shards of unfinished articles are swept: each re-drives its own
/// articles. A shard another silo swept within half a period answers at once, so more silos add no work.
/// The first time, the silo opens the shards' directory: what was tracked before shards, or under another shard
/// count, is handed over to the configured shards.
/// </summary>
public sealed class ArticleWatchdogService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<ArticleOptions> options,
    ILogger<ArticleWatchdogService> logger) : PeriodicSweepService(lifetime, logger)
{
    /// <summary>Shards swept at once by one silo: each wakes up to a batch of articles.</summary>
    private const int ShardsAtOnce = 4;

    private bool _opened;

    protected override string Name => "Watchdog";

    protected override TimeSpan Period => options.Value.WatchdogPeriod;

    private int Shards => options.Value.UnfinishedShards;

    protected override async Task<int> SweepAsync()
    {
        if (!_opened)
            await OpenAsync();
        var left = 0;
        await Parallel.ForEachAsync(UnfinishedShards.All(Shards), new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce }, async (key, _) =>
            Interlocked.Add(ref left, await grains.GetGrain<IUnfinishedArticleShardGrain>(key).SweepAsync(Period / 2)));
        return left;
    }

    /// <summary>Idempotent, so a silo that fails half-way (or several silos at once) simply open again.</summary>
    private async Task OpenAsync()
    {
        var before = await grains.Singleton<IArticleWatchdogGrain>().OpenAsync(Shards);
        var oldShards = before.SelectMany(UnfinishedShards.All);
        await Parallel.ForEachAsync(oldShards, new ParallelOptions { MaxDegreeOfParallelism = ShardsAtOnce }, async (key, _) =>
            await grains.GetGrain<IUnfinishedArticleShardGrain>(key).HandOverAsync(Shards));
        _opened = true;
    }
}
