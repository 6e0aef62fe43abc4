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
    /// <summary>Ticks the renewals; disposed on release, which ends them without an exception on every call.</summary>
    private readonly PeriodicTimer _renewals;
    private readonly Task _renewing;
    private readonly ILogger _logger;
    private int _done;

    internal LlmSlot(LlmEndpoint endpoint, ILlmSlotGrain keeper, Guid ticket, TimeSpan leaseTime, ILogger logger)
    {
        (Endpoint, _keeper, _ticket, _logger) = (endpoint, keeper, ticket, logger);
        _renewals = new PeriodicTimer(leaseTime / 3);
        _renewing = Task.Run(RenewAsync);
    }

    public LlmEndpoint Endpoint { get; }

    /// <summary>Cancelled when the lease could not be renewed.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Gives the slot back, telling the endpoint's circuit breaker how the call went.</summary>
    public async Task ReleaseAsync(CallOutcome outcome)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
            return;
        _renewals.Dispose();
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
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync(CallOutcome.Unused);

    /// <summary>Until the slot is released (the timer disposed) or the lease is refused.</summary>
    private async Task RenewAsync()
    {
        while (await _renewals.WaitForNextTickAsync())
        {
            try
            {
                if (await _keeper.RenewAsync(_ticket, Endpoint.Slots))
                    continue;
                LogLost(Endpoint.Url);
                await _lost.CancelAsync();
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error)
            {
                // The keeper may be moving to another silo; the next renewal is still in time.
                LogRenewFailed(Endpoint.Url, error.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The slot lease on {Endpoint} was lost; the request stops")]
    private partial void LogLost(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing a slot lease on {Endpoint} failed: {Reason}")]
    private partial void LogRenewFailed(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing a slot on {Endpoint} failed (it expires by itself): {Reason}")]
    private partial void LogReleaseFailed(string endpoint, string reason);
}
