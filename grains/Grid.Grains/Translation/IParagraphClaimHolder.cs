using Grid.Grains.Llm.Slots;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>An article holding a claim on a paragraph in the paragraph cache (implemented by the article grain, under its id).</summary>
[Alias("grid.IParagraphClaimHolder")]
public interface IParagraphClaimHolder : IGrainWithStringKey
{
    /// <summary>
    /// An article of a higher priority waits on the paragraph under <paramref name="key"/>: the work carrying it is to
    /// wait for its slot in <paramref name="lane"/>. One way, as the cache never waits on an article; told again at the
    /// waiter's next ask, so a lost call costs one watchdog period.
    /// </summary>
    [Alias("paragraph-wanted"), OneWay]
    Task OnParagraphWantedAsync(string key, SlotLane lane);
}
