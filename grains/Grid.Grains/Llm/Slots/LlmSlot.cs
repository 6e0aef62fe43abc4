using Microsoft.Extensions.Logging;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// A slot held on one endpoint for one request. Its lease is renewed in the background until it is
/// released; if a renewal is refused (the lease expired and was given away), <see cref="Lost"/> is
/// cancelled so the request stops instead of overloading the backend.
/// </summary>
public sealed partial class LlmSlot : IAsyncDisposable
{
    private readonly ILlmSlotGrain _keeper;
    private readonly Guid _ticket;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _released = new();
    private readonly Task _renewing;
    private readonly ILogger _logger;
    private int _done;

    internal LlmSlot(LlmEndpoint endpoint, ILlmSlotGrain keeper, Guid ticket, TimeSpan leaseTime, ILogger logger)
    {
        (Endpoint, _keeper, _ticket, _logger) = (endpoint, keeper, ticket, logger);
        _renewing = Task.Run(() => RenewAsync(leaseTime / 3));
    }

    public LlmEndpoint Endpoint { get; }

    /// <summary>Cancelled when the lease could not be renewed.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Gives the slot back, telling the endpoint's circuit breaker how the call went.</summary>
    public async Task ReleaseAsync(CallOutcome outcome)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
            return;
        _released.Cancel();
        await _renewing;
        try
        {
            await _keeper.ReleaseAsync(_ticket, outcome);
        }
        catch (Exception error)
        {
            // The lease runs out by itself.
            LogReleaseFailed(Endpoint.Url, error.Message);
        }
        _lost.Dispose();
        _released.Dispose();
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync(CallOutcome.Unused);

    private async Task RenewAsync(TimeSpan period)
    {
        using var tick = new PeriodicTimer(period);
        try
        {
            while (await tick.WaitForNextTickAsync(_released.Token))
            {
                try
                {
                    if (await _keeper.RenewAsync(_ticket, Endpoint.Slots))
                        continue;
                    LogLost(Endpoint.Url);
                    await _lost.CancelAsync();
                    return;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The keeper may be moving to another silo; the next renewal is still in time.
                    LogRenewFailed(Endpoint.Url, error.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Released.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The slot lease on {Endpoint} was lost; the request stops")]
    private partial void LogLost(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a slot lease on {Endpoint} failed: {Reason}")]
    private partial void LogRenewFailed(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing a slot on {Endpoint} failed (it expires by itself): {Reason}")]
    private partial void LogReleaseFailed(string endpoint, string reason);
}
