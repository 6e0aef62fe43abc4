using Grid.Abstractions.Articles;

namespace Grid.Grains.Llm.Slots;

/// <summary>
/// Where a request waits for a slot: its priority, and whose work it is (an API key, a feed), so that within one
/// priority the owners take turns and one owner's import of ten thousand articles cannot starve another's one.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.slot-lane")]
public sealed record SlotLane(
    [property: Id(0)] ArticlePriority Priority,
    [property: Id(1)] string Owner)
{
    /// <summary>Work nobody claimed: normal priority, one shared owner.</summary>
    public static SlotLane Shared { get; } = new(ArticlePriority.Normal, "");
}
