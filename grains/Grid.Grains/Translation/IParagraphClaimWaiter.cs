using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>An article waiting on a paragraph another article claimed (implemented by the article grain, under its id).</summary>
[Alias("grid.IParagraphClaimWaiter")]
public interface IParagraphClaimWaiter : IGrainWithStringKey
{
    /// <summary>
    /// The paragraph under <paramref name="key"/> has its English (<paramref name="translation"/>), or its
    /// claim was given up (null): its translation failed, or its article was deleted or gave up. One way:
    /// the paragraph cache never waits on an article (which may itself be waiting on the cache).
    /// </summary>
    [Alias("paragraph-settled"), OneWay]
    Task OnParagraphSettledAsync(string key, ParagraphTranslation? translation);
}
