namespace Grid.Grains.Llm.Slots;

/// <summary>
/// The lane of work that more than one article may come to want (a chunk, a claimed paragraph): it starts in the
/// lane of the article that asked first and rises to the lane of a later one whose priority is higher, so work
/// shared with a breaking story is served as the breaking story is, while it waits for a slot (in this silo's
/// <see cref="SlotRequestGate"/> and in the slot grains' lines). It never falls: a waiter that leaves does not lower it.
/// Thread-safe: the work's owner raises it while the gateway waits on it.
/// </summary>
public sealed class RisingLane(SlotLane first)
{
    private readonly Lock _guard = new();
    private SlotLane _current = first;
    private TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action<SlotLane>> _watchers = [];

    public SlotLane Current
    {
        get
        {
            lock (_guard)
                return _current;
        }
    }

    /// <summary>Completes at the next raise; read it again after, for the one following.</summary>
    public Task Raised
    {
        get
        {
            lock (_guard)
                return _raised.Task;
        }
    }

    /// <summary>
    /// Moves the work into <paramref name="lane"/> when that is of a higher priority; the owner of the higher lane
    /// takes its turn for it among that priority's owners, so the raise is fair to them. True when it rose.
    /// </summary>
    public bool RaiseTo(SlotLane lane)
    {
        TaskCompletionSource raised;
        Action<SlotLane>[] watchers;
        lock (_guard)
        {
            if (lane.Priority <= _current.Priority)
                return false;
            (_current, raised, _raised) = (lane, _raised, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            watchers = [.. _watchers];
        }
        foreach (var watcher in watchers)
            watcher(lane);
        raised.SetResult();
        return true;
    }

    /// <summary>
    /// Calls <paramref name="moved"/> with the new lane at each raise, before <see cref="RaiseTo"/> returns, until the
    /// answer is disposed: for a line that must have moved the work by then. It must be quick and must not raise the lane.
    /// </summary>
    public IDisposable Watch(Action<SlotLane> moved)
    {
        lock (_guard)
            _watchers.Add(moved);
        return new Watching(this, moved);
    }

    private sealed class Watching(RisingLane lane, Action<SlotLane> moved) : IDisposable
    {
        public void Dispose()
        {
            lock (lane._guard)
                lane._watchers.Remove(moved);
        }
    }
}
