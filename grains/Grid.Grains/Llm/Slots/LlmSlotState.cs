namespace Grid.Grains.Llm.Slots;

/// <summary>What a slot grain keeps: whether an activation of it may have leases out (it ended without deactivating cleanly).</summary>
[GenerateSerializer, Alias("grid.llm-slot-state")]
public sealed class LlmSlotState
{
    [Id(0)] public bool LeasesMayBeOut { get; set; }
}
