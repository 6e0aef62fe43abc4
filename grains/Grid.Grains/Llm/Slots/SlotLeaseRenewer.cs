using Microsoft.Extensions.Logging;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// The leases this silo holds on one endpoint's slots, renewed together: every third of a lease, one call to the
/// endpoint's slot keeper carries them all, however many requests run. (A renewal per lease, every 3.3 s of every
/// request, was the slot grain's largest load with a real model.) A lease granted between two rounds is first renewed
/// within a third of a lease, as before; a silo that dies renews nothing, so its slots come back within a lease.
/// </summary>
internal sealed partial class SlotLeaseRenewer : IDisposable
{
    private readonly LlmEndpoint _endpoint;
    private readonly ILlmSlotGrain _keeper;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, CancellationTokenSource> _held = [];
    private readonly PeriodicTimer _rounds;
    private Task _round = Task.CompletedTask;

    public SlotLeaseRenewer(LlmEndpoint endpoint, ILlmSlotGrain keeper, TimeSpan leaseTime, ILogger logger)
    {
        (_endpoint, _keeper, _logger) = (endpoint, keeper, logger);
        _rounds = new PeriodicTimer(leaseTime / 3);
        _ = Task.Run(RenewWhileRunningAsync);
    }

    /// <summary>Renews <paramref name="ticket"/>'s lease from the next round on; <paramref name="lost"/> is cancelled if the keeper refuses it.</summary>
    public void Hold(Guid ticket, CancellationTokenSource lost)
    {
        lock (_gate)
            _held[ticket] = lost;
    }

    /// <summary>
    /// Stops renewing the ticket, and completes once a round that may carry it has been answered: its release must not
    /// reach the keeper before that round, whose renewal of a ticket the keeper no longer knows would take a slot again.
    /// </summary>
    public Task DropAsync(Guid ticket)
    {
        lock (_gate)
        {
            _held.Remove(ticket);
            return _round;
        }
    }

    /// <summary>Ends the rounds: the silo is stopping.</summary>
    public void Dispose() => _rounds.Dispose();

    private async Task RenewWhileRunningAsync()
    {
        while (await _rounds.WaitForNextTickAsync())
        {
            Guid[] tickets;
            TaskCompletionSource round;
            lock (_gate)
            {
                if (_held.Count == 0)
                    continue;
                tickets = [.. _held.Keys];
                round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _round = round.Task;
            }
            try
            {
                await StopLostAsync(await _keeper.RenewAllAsync(tickets, _endpoint.Slots));
            }
            catch (Exception error)
            {
                // The keeper may be moving to another silo; the next round is still in time.
                LogRenewFailed(_endpoint.Url, tickets.Length, error.Message);
            }
            finally
            {
                round.SetResult();
            }
        }
    }

    /// <summary>Cancels the requests whose leases expired and were given away: they stop instead of overloading the backend.</summary>
    private async Task StopLostAsync(Guid[] lost)
    {
        foreach (var ticket in lost)
        {
            CancellationTokenSource? request;
            lock (_gate)
                _held.Remove(ticket, out request);
            if (request is null)
                continue;
            LogLost(_endpoint.Url);
            await request.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The slot lease on {Endpoint} was lost; the request stops")]
    private partial void LogLost(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing {Count} slot leases on {Endpoint} failed: {Reason}")]
    private partial void LogRenewFailed(string endpoint, int count, string reason);
}
