namespace Grid.OllamaEmulator.Scheduling;

/// <summary>
/// Ollama's scheduler in miniature: a fixed number of slots, a FIFO queue of bounded length behind
/// them, and "busy" for whoever arrives when the queue is full.
/// </summary>
internal sealed class SlotScheduler(EmulatorOptions options, TimeProvider clock, StateChangeSignal signal)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(TaskCompletionSource<SlotLease> Waiter, long EnqueuedAt)> _queue = new();
    private readonly HashSet<SlotLease> _active = [];
    private int _maxConcurrent;
    private int _maxQueued;
    private long _completedBusyTicks;

    public int InFlight { get { lock (_gate) return _active.Count; } }

    public int Queued { get { lock (_gate) return _queue.Count; } }

    public int MaxConcurrent { get { lock (_gate) return _maxConcurrent; } }

    public int MaxQueued { get { lock (_gate) return _maxQueued; } }

    /// <summary>Total time slots have been serving, counting the slots serving right now.</summary>
    public TimeSpan BusyTime
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetTimestamp();
                var running = _active.Sum(lease => clock.GetElapsedTime(lease.GrantedAtTimestamp, now).Ticks);
                return TimeSpan.FromTicks(_completedBusyTicks + running);
            }
        }
    }

    /// <summary>A slot, after waiting in line if needed; null when the line is full (Ollama's 503).</summary>
    public async Task<SlotLease?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var enqueuedAt = clock.GetTimestamp();
        TaskCompletionSource<SlotLease> waiter;
        LinkedListNode<(TaskCompletionSource<SlotLease> Waiter, long EnqueuedAt)> node;
        lock (_gate)
        {
            if (_active.Count < options.Slots && _queue.Count == 0)
                return GrantLocked(enqueuedAt);
            if (_queue.Count >= options.MaxQueue)
                return null;
            waiter = new TaskCompletionSource<SlotLease>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _queue.AddLast((waiter, enqueuedAt));
            _maxQueued = Math.Max(_maxQueued, _queue.Count);
        }
        signal.Notify();

        await using var registration = cancellationToken.Register(() => Abandon(node, cancellationToken));
        return await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Forgets the slot counters (not the requests being served) when stats are reset.</summary>
    public void ResetCounters()
    {
        lock (_gate)
        {
            _maxConcurrent = _active.Count;
            _maxQueued = _queue.Count;
            var now = clock.GetTimestamp();
            // Active leases keep their start time: start below zero by what they served before the reset.
            _completedBusyTicks = -_active.Sum(lease => clock.GetElapsedTime(lease.GrantedAtTimestamp, now).Ticks);
        }
    }

    internal void Release(SlotLease lease)
    {
        lock (_gate)
        {
            _active.Remove(lease);
            _completedBusyTicks += clock.GetElapsedTime(lease.GrantedAtTimestamp).Ticks;
            while (_queue.First is { } first && _active.Count < options.Slots)
            {
                _queue.RemoveFirst();
                first.Value.Waiter.TrySetResult(GrantLocked(first.Value.EnqueuedAt));
            }
        }
        signal.Notify();
    }

    private SlotLease GrantLocked(long enqueuedAt)
    {
        var now = clock.GetTimestamp();
        var lease = new SlotLease(this, now, clock.GetElapsedTime(enqueuedAt, now));
        _active.Add(lease);
        _maxConcurrent = Math.Max(_maxConcurrent, _active.Count);
        signal.Notify();
        return lease;
    }

    private void Abandon(LinkedListNode<(TaskCompletionSource<SlotLease> Waiter, long EnqueuedAt)> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Already granted (node left the queue): the holder sees the cancellation and releases the lease.
            if (node.List is null)
                return;
            _queue.Remove(node);
        }
        node.Value.Waiter.TrySetCanceled(cancellationToken);
        signal.Notify();
    }
}
