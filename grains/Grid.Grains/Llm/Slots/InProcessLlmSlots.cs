namespace Grid.Grains.Llm.Slots;

/// <summary>One endpoint's slots for a process without a cluster (tools, tests of the gateway alone): the slot grain's ledger behind a lock.</summary>
public sealed class InProcessLlmSlots : ILlmSlotGrain, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SlotLedger _ledger;
    private readonly TimeProvider _clock;
    private readonly ITimer _ticker;

    public InProcessLlmSlots(LlmOptions options, TimeProvider clock)
    {
        (_ledger, _clock) = (new SlotLedger(options, clock), clock);
        _ticker = clock.CreateTimer(_ => { lock (_gate) _ledger.Tick(); }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public Task<SlotAnswer> RequestAsync(Guid ticket, int slots, SlotLane lane)
    {
        lock (_gate)
            return Task.FromResult(_ledger.Request(ticket, slots, lane));
    }

    public async Task<SlotAnswer> RequestAndWaitAsync(Guid ticket, int slots, SlotLane lane, TimeSpan maxWait)
    {
        var answer = await RequestAsync(ticket, slots, lane);
        return answer.Status == SlotStatus.Queued ? await WaitAsync(ticket, maxWait) : answer;
    }

    public Task<SlotAnswer> RaiseAsync(Guid ticket, SlotLane lane)
    {
        lock (_gate)
            return Task.FromResult(_ledger.Raise(ticket, lane));
    }

    public async Task<SlotAnswer> WaitAsync(Guid ticket, TimeSpan maxWait)
    {
        SlotAnswer answer;
        Task? decided;
        lock (_gate)
            (answer, decided) = _ledger.BeginWait(ticket);
        if (decided is null)
            return answer;
        await Task.WhenAny(decided, Task.Delay(maxWait, _clock));
        lock (_gate)
            return _ledger.EndWait(ticket);
    }

    public Task<bool> RenewAsync(Guid ticket, int slots)
    {
        lock (_gate)
            return Task.FromResult(_ledger.Renew(ticket, slots));
    }

    public Task<Guid[]> RenewAllAsync(Guid[] tickets, int slots)
    {
        lock (_gate)
            return Task.FromResult(_ledger.RenewAll(tickets, slots));
    }

    public Task ReleaseAsync(Guid ticket, CallOutcome outcome)
    {
        lock (_gate)
            _ledger.Release(ticket, outcome);
        return Task.CompletedTask;
    }

    public Task<SlotUsage> GetUsageAsync()
    {
        lock (_gate)
            return Task.FromResult(_ledger.Usage);
    }

    public void Dispose() => _ticker.Dispose();
}
