using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm;

/// <summary>
/// Checks every endpoint when the silo starts and every <c>Grid:Llm:CheckPeriod</c> after, in the
/// background: a backend that is down does not stop the silo, it is reported on <c>/health</c> and
/// in the log until it comes up.
/// </summary>
public sealed class LlmEndpointMonitor(LlmEndpointPool pool, LlmEndpointChecker checker, IOptions<LlmOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var tick = new PeriodicTimer(options.Value.CheckPeriod, clock);
        do
        {
            await Task.WhenAll(pool.Endpoints.Select(endpoint => checker.CheckAsync(endpoint, stoppingToken)));
        }
        while (await tick.WaitForNextTickAsync(stoppingToken));
    }
}
