namespace Grid.OllamaEmulator.Scheduling;

/// <summary>One slot held by one request; disposing it hands the slot to the next in the queue.</summary>
internal sealed class SlotLease(SlotScheduler scheduler, long grantedAtTimestamp, TimeSpan waited) : IDisposable
{
    private int _released;

    public long GrantedAtTimestamp { get; } = grantedAtTimestamp;

    /// <summary>Time spent in the queue; reported as part of <c>load_duration</c>, as Ollama does.</summary>
    public TimeSpan Waited { get; } = waited;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
            scheduler.Release(this);
    }
}
