using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm;

/// <summary>
/// Checks every endpoint when the silo starts and every <c>Grid:Llm:CheckPeriod</c> after, in the
/// background: a backend that is down does not stop the silo, it is reported on <c>/health</c> and
/// in the log until it comes up.
/// </summary>
public sealed partial class LlmEndpointMonitor(
    LlmEndpointPool pool, LlmEndpointChecker checker, IOptions<LlmOptions> options, TimeProvider clock, ILogger<LlmEndpointMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tick = new PeriodicTimer(options.Value.CheckPeriod, clock);
        do
        {
            try
            {
                await Task.WhenAll(pool.Endpoints.Select(endpoint => checker.CheckAsync(endpoint, stoppingToken)));
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A check that breaks in a way not foreseen must not stop the silo: the next one may do better.
                LogCheckFailed(error);
            }
        }
        while (await tick.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the LLM endpoints failed")]
    private partial void LogCheckFailed(Exception error);
}
