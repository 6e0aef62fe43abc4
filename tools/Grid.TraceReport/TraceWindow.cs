namespace Grid.TraceReport;

/// <summary>The part of a trace to read, in seconds from its start: the benchmark's timed phase, not its start-up.</summary>
public sealed record TraceWindow(double From, double To)
{
    public bool Holds(double seconds) => seconds >= From && seconds <= To;
}
