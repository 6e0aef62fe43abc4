using Microsoft.Extensions.Logging;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// A slot held on one endpoint for one request. Its lease is renewed with this silo's other leases there
/// (<see cref="SlotLeaseRenewer"/>) until it is released; if a renewal is refused (the lease expired and was
/// given away), <see cref="Lost"/> is cancelled so the request stops instead of overloading the backend.
/// </summary>
public sealed partial class LlmSlot : IAsyncDisposable
{
    private readonly ILlmSlotGrain _keeper;
    private readonly SlotLeaseRenewer _renewer;
    private readonly Guid _ticket;
    private readonly CancellationTokenSource _lost = new();
    private readonly ILogger _logger;
    private int _done;

    internal LlmSlot(LlmEndpoint endpoint, ILlmSlotGrain keeper, SlotLeaseRenewer renewer, Guid ticket, ILogger logger)
    {
        (Endpoint, _keeper, _renewer, _ticket, _logger) = (endpoint, keeper, renewer, ticket, logger);
        renewer.Hold(ticket, _lost);
    }

    public LlmEndpoint Endpoint { get; }

    /// <summary>Cancelled when the lease could not be renewed.</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>Gives the slot back, telling the endpoint's circuit breaker how the call went.</summary>
    public async Task ReleaseAsync(CallOutcome outcome)
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
            return;
        await _renewer.DropAsync(_ticket);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Releasing a slot on {Endpoint} failed (it expires by itself): {Reason}")]
    private partial void LogReleaseFailed(string endpoint, string reason);
}
