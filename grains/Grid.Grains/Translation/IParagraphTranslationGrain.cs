using Grid.Grains.Llm.Slots;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// The paragraph cache, one grain per <see cref="ParagraphKey"/>, under the chunk cache: once a chunk's
/// answer is accepted, each of its paragraphs' English is kept here, so another article (on any silo,
/// after any restart) fills that paragraph before it packs its chunks, whatever chunk it would fall in.
/// While a paragraph is being translated, the article translating it holds a claim here: articles that
/// ask meanwhile wait for its English instead of paying for it again.
/// </summary>
[Alias("grid.IParagraphTranslationGrain")]
public interface IParagraphTranslationGrain : IGrainWithStringKey
{
    /// <summary>The paragraph's English, or null when no accepted answer has given it yet.</summary>
    [Alias("get"), ReadOnly, AlwaysInterleave]
    Task<ParagraphTranslation?> GetAsync();

    /// <summary>
    /// The paragraph's English; else a claim on translating it for <paramref name="article"/>, for
    /// <paramref name="lease"/> (no one holds it, it lapsed, or the article holds it already: then it is
    /// renewed); else who holds it and for how long, and the article is told when it settles
    /// (<see cref="IParagraphClaimWaiter"/>). <paramref name="lane"/> is the asking article's: when a waiter's is of a
    /// higher priority than the claimant's, the claimant is told to raise the work carrying the paragraph (<see cref="IParagraphClaimHolder"/>).
    /// </summary>
    [Alias("claim")]
    Task<ParagraphLookup> ClaimAsync(string article, TimeSpan lease, SlotLane? lane = null);

    /// <summary>Keeps the English unless some is kept already (the first accepted answer stays, as in the chunk cache); the claim ends and the waiting articles get the English.</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(ParagraphTranslation translation);

    /// <summary>Gives up <paramref name="article"/>'s claim (its translation failed, or it was deleted or gave up): the waiting articles are told, and ask again.</summary>
    [Alias("release"), OneWay]
    Task ReleaseAsync(string article);
}
