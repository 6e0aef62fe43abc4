namespace Grid.Grains.Llm.Slots;

/// <summary>
/// Bounds how many of this silo's requests are in the slot grains' lines at once (<see cref="LlmOptions.MaxQueuedPerSilo"/>);
/// the others wait here, in the same order as there (the highest priority first, owners taking turns), and cost no
/// grain calls. Each request in a slot grain's line asks it again every few seconds, so without this bound the slot
/// grains' call rate would grow with the backlog; with it, it stays flat however many articles wait.
/// A request admitted to the lines leaves the gate when it is granted a slot or gives up; the next one here goes then.
/// A request whose lane rises while it waits here (<see cref="RisingLane"/>) moves up at once.
/// </summary>
public sealed class SlotRequestGate(int limit)
{
    private readonly Lock _gate = new();
    private readonly WaitingLine<TaskCompletionSource> _line = new();
    private int _admitted;

    /// <summary>Requests waiting in this silo for their turn to ask the slot grains.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
                return _line.Count;
        }
    }

    /// <summary>Waits for the request's turn in its <paramref name="lane"/>; dispose the answer when the request has its slot or gives up.</summary>
    public Task<IDisposable> EnterAsync(SlotLane lane, CancellationToken cancellationToken) => EnterAsync(new RisingLane(lane), cancellationToken);

    /// <summary>Waits for the request's turn in its lane, moving up when the lane rises while it waits; dispose the answer when the request has its slot or gives up.</summary>
    public async Task<IDisposable> EnterAsync(RisingLane lane, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        WaitingLine<TaskCompletionSource>.Place place;
        lock (_gate)
        {
            if (_admitted < limit && _line.Count == 0)
            {
                _admitted++;
                return new Admission(this);
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            place = _line.Add(lane.Current, turn);
        }
        void MoveUp(SlotLane risen)
        {
            lock (_gate)
            {
                if (!turn.Task.IsCompleted && risen.Priority > place.Priority)
                    place = _line.Move(place, risen);
            }
        }
        using var rising = lane.Watch(MoveUp);
        // A raise between taking the place and watching the lane.
        MoveUp(lane.Current);
        try
        {
            await turn.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (!turn.Task.IsCompleted)
                {
                    _line.Remove(place);
                    throw;
                }
            }
            // Its turn came as it gave up: the turn goes to the next.
            Leave();
            throw;
        }
        return new Admission(this);
    }

    /// <summary>A request left the slot grains' lines: the first here takes its place (the count stays), or the count goes down.</summary>
    private void Leave()
    {
        lock (_gate)
        {
            if (_line.Count > 0)
                _line.TakeFirst().SetResult();
            else
                _admitted--;
        }
    }

    private sealed class Admission(SlotRequestGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                gate.Leave();
        }
    }
}
