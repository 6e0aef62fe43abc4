using System.Collections.Concurrent;

namespace Grid.Grains.Llm.Slots;

/// <summary>Without a cluster: every endpoint's slots are counted in this process alone.</summary>
public sealed class InProcessSlotDirectory(LlmOptions options, TimeProvider clock) : ILlmSlotDirectory, IDisposable
{
    private readonly ConcurrentDictionary<string, InProcessLlmSlots> _slots = new(StringComparer.Ordinal);

    public ILlmSlotGrain For(string endpointUrl) => _slots.GetOrAdd(endpointUrl, _ => new InProcessLlmSlots(options, clock));

    public void Dispose()
    {
        foreach (var slots in _slots.Values)
            slots.Dispose();
    }
}
