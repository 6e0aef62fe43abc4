using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Webhooks;

/// <summary>
/// Runs on every silo: once the silo is up (so deliveries a crash interrupted go out after a restart)
/// and then every sweep period, asks the outbox to wake the articles with deliveries pending.
/// </summary>
public sealed partial class WebhookSweepService(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        using var timer = new PeriodicTimer(options.Value.SweepPeriod);
        do
        {
            try
            {
                LogSwept(await grains.GetGrain<IWebhookOutboxGrain>(WebhookOutboxGrain.Key).SweepAsync().WaitAsync(stoppingToken));
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A sweep can fail while the cluster is changing; the next one tries again.
                LogSweepFailed(error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook sweep: {Pending} articles with deliveries pending")]
    private partial void LogSwept(int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook sweep failed: {Error}")]
    private partial void LogSweepFailed(string error);
}
