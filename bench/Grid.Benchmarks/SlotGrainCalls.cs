using Grid.Grains.Llm.Slots;

namespace Grid.Benchmarks;

/// <summary>Counts the calls the silo's slot grains receive (requests, waits, renewals, releases, usage reads).</summary>
public sealed class SlotGrainCalls : IIncomingGrainCallFilter
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.Grain is LlmSlotGrain)
            Interlocked.Increment(ref _count);
        return context.Invoke();
    }
}
