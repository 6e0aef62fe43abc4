using System.Collections.Concurrent;

namespace Grid.Grains.Llm.Slots;

/// <summary>In a silo: every endpoint's slots are one <see cref="LlmSlotGrain"/> for the whole cluster.</summary>
public sealed class GrainSlotDirectory(IGrainFactory grains) : ILlmSlotDirectory
{
    // A reference per configured endpoint, made once: GetGrain looks the interface's type up by reflection on every
    // call, and the slots are asked and released several times per LLM call.
    private readonly ConcurrentDictionary<string, ILlmSlotGrain> _slots = new(StringComparer.Ordinal);

    public ILlmSlotGrain For(string endpointUrl) =>
        _slots.GetOrAdd(endpointUrl, static (url, factory) => factory.GetGrain<ILlmSlotGrain>(url), grains);
}
