namespace Grid.Grains.Llm.Slots;

/// <summary>In a silo: every endpoint's slots are one <see cref="LlmSlotGrain"/> for the whole cluster.</summary>
public sealed class GrainSlotDirectory(IGrainFactory grains) : ILlmSlotDirectory
{
    public ILlmSlotGrain For(string endpointUrl) => grains.GetGrain<ILlmSlotGrain>(endpointUrl);
}
