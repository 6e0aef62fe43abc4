using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Sweeps;

/// <summary>
/// Runs on every silo: once the silo is up (so work a crash interrupted is picked up after a restart) and
/// then every <see cref="Period"/>, asks a cluster-wide index grain to sweep. Any silo's sweep will do;
/// several are harmless, because what a sweep wakes is idempotent.
/// </summary>
public abstract partial class PeriodicSweepService(IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    /// <summary>What is swept, as the logs name it ("Watchdog", "Webhook").</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Period { get; }

    /// <summary>One sweep; returns how many items are still left, for the log.</summary>
    protected abstract Task<int> SweepAsync();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                LogSwept(Name, await SweepAsync().WaitAsync(stoppingToken));
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A sweep can fail while the cluster is changing; the next one tries again.
                LogSweepFailed(Name, error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Sweep} sweep: {Left} left")]
    private partial void LogSwept(string sweep, int left);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Sweep} sweep failed: {Error}")]
    private partial void LogSweepFailed(string sweep, string error);
}
