namespace Grid.Grains.Llm.Slots;

/// <summary>The slot grain's answer to a request or a wait: the request's status and the endpoint's usage.</summary>
[GenerateSerializer, Immutable, Alias("grid.slot-answer")]
public sealed record SlotAnswer(
    [property: Id(0)] SlotStatus Status,
    [property: Id(1)] SlotUsage Usage);
