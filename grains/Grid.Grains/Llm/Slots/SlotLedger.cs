namespace Grid.Grains.Llm.Slots;

/// <summary>
/// The book of one endpoint's slots: the leases held and until when, the line of waiting tickets
/// (by priority, owners taking turns: see <see cref="WaitingLine{T}"/>), and the circuit breaker. Not thread-safe: the slot grain's single
/// thread, or a lock, guards it.
/// </summary>
public sealed class SlotLedger(LlmOptions options, TimeProvider clock)
{
    private readonly Dictionary<Guid, Lease> _leases = [];
    private readonly WaitingLine<Waiter> _line = new();
    private readonly Dictionary<Guid, WaitingLine<Waiter>.Place> _waiting = [];
    private readonly CircuitBreaker _circuit = new(options.CircuitFailures, options.CircuitBreakTime, options.CircuitMaxBreakTime);
    private int _slots = 1;
    private DateTimeOffset _grantsHeldUntil;

    private DateTimeOffset Now => clock.GetUtcNow();

    public SlotUsage Usage
    {
        get
        {
            var now = Now;
            return new SlotUsage(_leases.Count, _slots, _line.Count, _circuit.StateAt(now), _circuit.ConsecutiveFailures, _circuit.RetryAt(now));
        }
    }

    /// <summary>
    /// Grants nothing new until <paramref name="until"/>, only renewing leases: after the grain moved
    /// to another silo it cannot know the leases its previous activation gave, until their holders renew them.
    /// </summary>
    public void HoldGrantsUntil(DateTimeOffset until) => _grantsHeldUntil = until;

    public SlotAnswer Request(Guid ticket, int slots) => Request(ticket, slots, SlotLane.Shared);

    public SlotAnswer Request(Guid ticket, int slots, SlotLane lane)
    {
        _slots = Math.Max(1, slots);
        Tick();
        if (_leases.ContainsKey(ticket))
            return Answer(SlotStatus.Granted);
        if (_waiting.ContainsKey(ticket))
            return Answer(SlotStatus.Queued);
        if (_circuit.StateAt(Now) == CircuitState.Open)
            return Answer(SlotStatus.OutOfRotation);
        _waiting[ticket] = _line.Add(lane, new Waiter(ticket, Now));
        Pump();
        return Answer(StatusOf(ticket));
    }

    /// <summary>
    /// Moves a ticket waiting in line into <paramref name="lane"/> when that is of a higher priority: the work it waits
    /// for is now wanted by a higher-priority article too. A ticket granted, unknown, or as high already stays as it is.
    /// </summary>
    public SlotAnswer Raise(Guid ticket, SlotLane lane)
    {
        if (_waiting.TryGetValue(ticket, out var place) && lane.Priority > place.Priority)
            _waiting[ticket] = _line.Move(place, lane);
        return Answer(StatusOf(ticket));
    }

    /// <summary>The ticket's status now, and while it is queued a task that completes when that changes.</summary>
    public (SlotAnswer Answer, Task? Decided) BeginWait(Guid ticket)
    {
        Tick();
        if (!_waiting.TryGetValue(ticket, out var place))
            return (Answer(StatusOf(ticket)), null);
        place.Item.Polls++;
        return (Answer(SlotStatus.Queued), place.Item.Decided.Task);
    }

    public SlotAnswer EndWait(Guid ticket)
    {
        if (_waiting.TryGetValue(ticket, out var place))
        {
            place.Item.Polls--;
            place.Item.LastSeen = Now;
        }
        return Answer(StatusOf(ticket));
    }

    public bool Renew(Guid ticket, int slots)
    {
        _slots = Math.Max(1, slots);
        Tick();
        var until = Now + options.SlotLeaseTime;
        if (_leases.TryGetValue(ticket, out var lease))
        {
            _leases[ticket] = lease with { ExpiresAt = until };
            return true;
        }
        // A lease this ledger does not know: given by a previous activation (adopted while grants are held), or expired.
        if (Now >= _grantsHeldUntil && _leases.Count >= _circuit.Capacity(_slots, Now))
            return false;
        _leases[ticket] = new Lease(until, Trial: false);
        return true;
    }

    /// <summary>Renews each of <paramref name="tickets"/>; answers those lost.</summary>
    public Guid[] RenewAll(IReadOnlyList<Guid> tickets, int slots)
    {
        List<Guid>? lost = null;
        foreach (var ticket in tickets)
            if (!Renew(ticket, slots))
                (lost ??= []).Add(ticket);
        return lost is null ? [] : [.. lost];
    }

    public void Release(Guid ticket, CallOutcome outcome)
    {
        if (_waiting.Remove(ticket, out var place))
        {
            _line.Remove(place);
            place.Item.Decided.TrySetResult();
        }
        if (_leases.Remove(ticket, out var lease) && _circuit.Record(outcome, lease.Trial, Now))
            RefuseWaiters();
        Pump();
    }

    /// <summary>Expires leases not renewed in time and waiters that stopped asking, then grants what has come free.</summary>
    public void Tick()
    {
        var now = Now;
        foreach (var expired in _leases.Where(pair => pair.Value.ExpiresAt <= now).Select(pair => pair.Key).ToList())
            _leases.Remove(expired);
        foreach (var silent in _line.All.Where(waiter => waiter.Polls == 0 && now - waiter.LastSeen > options.SlotLeaseTime).ToList())
        {
            _line.Remove(_waiting[silent.Ticket]);
            _waiting.Remove(silent.Ticket);
        }
        Pump();
    }

    private void Pump()
    {
        var now = Now;
        if (now < _grantsHeldUntil)
            return;
        var state = _circuit.StateAt(now);
        if (state == CircuitState.Open)
        {
            RefuseWaiters();
            return;
        }
        while (_line.Count > 0 && _leases.Count < _circuit.Capacity(_slots, now))
        {
            var first = _line.TakeFirst();
            _waiting.Remove(first.Ticket);
            _leases[first.Ticket] = new Lease(now + options.SlotLeaseTime, Trial: state == CircuitState.HalfOpen);
            first.Decided.TrySetResult();
        }
    }

    /// <summary>The circuit opened: everyone in line is told, so they can go to another endpoint.</summary>
    private void RefuseWaiters()
    {
        foreach (var waiter in _line.All)
        {
            _waiting.Remove(waiter.Ticket);
            waiter.Decided.TrySetResult();
        }
        _line.Clear();
    }

    private SlotStatus StatusOf(Guid ticket) =>
        _leases.ContainsKey(ticket) ? SlotStatus.Granted
        : _waiting.ContainsKey(ticket) ? SlotStatus.Queued
        : _circuit.StateAt(Now) == CircuitState.Open ? SlotStatus.OutOfRotation
        : SlotStatus.Unknown;

    private SlotAnswer Answer(SlotStatus status) => new(status, Usage);

    private sealed record Lease(DateTimeOffset ExpiresAt, bool Trial);

    private sealed class Waiter(Guid ticket, DateTimeOffset seen)
    {
        public Guid Ticket { get; } = ticket;

        public TaskCompletionSource Decided { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Polls { get; set; }

        public DateTimeOffset LastSeen { get; set; } = seen;
    }
}
