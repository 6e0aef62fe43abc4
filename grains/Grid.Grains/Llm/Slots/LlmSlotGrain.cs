using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// <inheritdoc cref="ILlmSlotGrain"/>
/// If the silo hosting this grain dies, the grain comes back elsewhere without its book of leases;
/// the activation that follows an unclean end therefore grants nothing new for one lease time,
/// while the holders' renewals tell it which leases are still out.
/// Reentrant: every method changes the ledger without awaiting, so the waits (which last up to
/// their poll time) never hold up a grant, a renewal or a release.
/// </summary>
[Reentrant]
public sealed partial class LlmSlotGrain(
    [PersistentState("slots", GridStorage.Translations)] IPersistentState<LlmSlotState> state,
    IOptions<LlmOptions> options,
    TimeProvider clock,
    ILogger<LlmSlotGrain> logger) : Grain, ILlmSlotGrain
{
    private readonly SlotLedger _ledger = new(options.Value, clock);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.LeasesMayBeOut)
        {
            _ledger.HoldGrantsUntil(clock.GetUtcNow() + options.Value.SlotLeaseTime);
            LogRecovering(this.GetPrimaryKeyString(), options.Value.SlotLeaseTime);
        }
        await SaveAsync(leasesMayBeOut: true);
        // Expires leases that were not renewed and waiters that stopped asking, and ends the hold above.
        this.RegisterGrainTimer(
            _ => { _ledger.Tick(); Publish(_ledger.Usage); return Task.CompletedTask; },
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        SlotGauges.Withdraw(this.GetPrimaryKeyString());
        return SaveAsync(leasesMayBeOut: false);
    }

    public Task<SlotAnswer> RequestAsync(Guid ticket, int slots, SlotLane lane) => Task.FromResult(Publish(_ledger.Request(ticket, slots, lane)));

    public async Task<SlotAnswer> RequestAndWaitAsync(Guid ticket, int slots, SlotLane lane, TimeSpan maxWait)
    {
        var answer = Publish(_ledger.Request(ticket, slots, lane));
        return answer.Status == SlotStatus.Queued ? await WaitAsync(ticket, maxWait) : answer;
    }

    public Task<SlotAnswer> RaiseAsync(Guid ticket, SlotLane lane) => Task.FromResult(Publish(_ledger.Raise(ticket, lane)));

    public async Task<SlotAnswer> WaitAsync(Guid ticket, TimeSpan maxWait)
    {
        var (answer, decided) = _ledger.BeginWait(ticket);
        if (decided is null)
            return Publish(answer);
        try
        {
            await decided.WaitAsync(maxWait, clock);
        }
        catch (TimeoutException)
        {
            // Still in line: the caller asks again.
        }
        return Publish(_ledger.EndWait(ticket));
    }

    public Task<bool> RenewAsync(Guid ticket, int slots) => Task.FromResult(_ledger.Renew(ticket, slots));

    public Task<Guid[]> RenewAllAsync(Guid[] tickets, int slots) => Task.FromResult(_ledger.RenewAll(tickets, slots));

    public Task ReleaseAsync(Guid ticket, CallOutcome outcome)
    {
        _ledger.Release(ticket, outcome);
        Publish(_ledger.Usage);
        return Task.CompletedTask;
    }

    public Task<SlotUsage> GetUsageAsync() => Task.FromResult(_ledger.Usage);

    /// <summary>Every change of the ledger goes to the slot gauges (see <see cref="SlotGauges"/>).</summary>
    private SlotAnswer Publish(SlotAnswer answer)
    {
        Publish(answer.Usage);
        return answer;
    }

    private void Publish(SlotUsage usage) => SlotGauges.Publish(this.GetPrimaryKeyString(), usage);

    private async Task SaveAsync(bool leasesMayBeOut)
    {
        state.State.LeasesMayBeOut = leasesMayBeOut;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            // Only the recovery after a crash depends on it; the slots themselves keep working.
            LogNotSaved(this.GetPrimaryKeyString(), error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slots of {Endpoint} restarted after an unclean end: no new grants for {LeaseTime} while running requests renew their leases")]
    private partial void LogRecovering(string endpoint, TimeSpan leaseTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slots of {Endpoint}: state not saved: {Reason}")]
    private partial void LogNotSaved(string endpoint, string reason);
}
