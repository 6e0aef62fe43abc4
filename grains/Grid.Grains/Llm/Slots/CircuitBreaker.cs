namespace Grid.Grains.Llm.Slots;

/// <summary>
/// Takes an endpoint out of rotation after <c>failures</c> backend failures in a row, lets one
/// trial call through when the break is over, and brings the endpoint back when a call is answered.
/// A failed trial doubles the break, up to its cap.
/// </summary>
public sealed class CircuitBreaker(int failures, TimeSpan breakTime, TimeSpan maxBreakTime)
{
    private CircuitState _state = CircuitState.Closed;
    private DateTimeOffset _openUntil;
    private TimeSpan _break;

    public int ConsecutiveFailures { get; private set; }

    public CircuitState StateAt(DateTimeOffset now) =>
        _state == CircuitState.Open && now >= _openUntil ? CircuitState.HalfOpen : _state;

    /// <summary>When the next trial call is allowed, while the circuit is open.</summary>
    public DateTimeOffset? RetryAt(DateTimeOffset now) => StateAt(now) == CircuitState.Open ? _openUntil : null;

    /// <summary>Leases that may run at once: all slots when closed, the one trial when half-open, none when open.</summary>
    public int Capacity(int slots, DateTimeOffset now) => StateAt(now) switch
    {
        CircuitState.Closed => slots,
        CircuitState.HalfOpen => 1,
        _ => 0,
    };

    /// <summary>Counts a call's outcome; true when this outcome opened the circuit.</summary>
    /// <param name="trial">The call was the trial granted while half-open: only its failure reopens the circuit.</param>
    public bool Record(CallOutcome outcome, bool trial, DateTimeOffset now)
    {
        switch (outcome)
        {
            case CallOutcome.Answered:
                (_state, ConsecutiveFailures, _break) = (CircuitState.Closed, 0, TimeSpan.Zero);
                return false;
            case CallOutcome.Failed:
                ConsecutiveFailures++;
                var state = StateAt(now);
                if (state == CircuitState.HalfOpen && trial)
                    return Open(now, TimeSpan.FromTicks(Math.Min(_break.Ticks * 2, maxBreakTime.Ticks)));
                return state == CircuitState.Closed && ConsecutiveFailures >= failures && Open(now, breakTime);
            default:
                return false;
        }
    }

    private bool Open(DateTimeOffset now, TimeSpan length)
    {
        (_state, _break, _openUntil) = (CircuitState.Open, length, now + length);
        return true;
    }
}
