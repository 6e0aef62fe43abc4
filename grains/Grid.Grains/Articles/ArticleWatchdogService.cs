using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Articles;

/// <summary>
/// Runs on every silo: once the silo is up and then every watchdog period, asks the watchdog grain
/// to sweep. Any silo's sweep will do; several are harmless, because waking an article is idempotent.
/// </summary>
public sealed partial class ArticleWatchdogService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<ArticleOptions> options,
    ILogger<ArticleWatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        using var timer = new PeriodicTimer(options.Value.WatchdogPeriod);
        do
        {
            try
            {
                var unfinished = await grains.GetGrain<IArticleWatchdogGrain>(ArticleWatchdogGrain.Key).SweepAsync().WaitAsync(stoppingToken);
                LogSwept(unfinished);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A sweep can fail while the cluster is changing; the next one tries again.
                LogSweepFailed(error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Watchdog sweep: {Unfinished} unfinished articles")]
    private partial void LogSwept(int unfinished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watchdog sweep failed: {Error}")]
    private partial void LogSweepFailed(string error);
}
