using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// The paragraph cache, one grain per <see cref="ParagraphKey"/>, under the chunk cache: once a chunk's
/// answer is accepted, each of its paragraphs' English is kept here as a variant made under the glossary
/// entries of its article, so another article (on any silo, after any restart) whose entries it renders fills
/// that paragraph before it packs its chunks, whatever chunk it would fall in. While a paragraph is being
/// translated, the article translating it holds a claim here: articles that ask meanwhile wait for its
/// English instead of paying for it again, and translate their own variant only if it misses their entries.
/// </summary>
[Alias("grid.IParagraphTranslationGrain")]
public interface IParagraphTranslationGrain : IGrainWithStringKey
{
    /// <summary>The variants kept, oldest first (none before an accepted answer gave one).</summary>
    [Alias("variants"), ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<ParagraphTranslation>> GetVariantsAsync();

    /// <summary>
    /// The first variant whose English renders every entry in <paramref name="needed"/> (the asking article's glossary
    /// entries that occur in the paragraph); else a claim on translating it for <paramref name="article"/>, for
    /// <paramref name="lease"/> (no one holds it, it lapsed, or the article holds it already: then it is
    /// renewed); else who holds it and for how long, and the article is told when it settles
    /// (<see cref="IParagraphClaimWaiter"/>). <paramref name="lane"/> is the asking article's: when a waiter's is of a
    /// higher priority than the claimant's, the claimant is told to raise the work carrying the paragraph (<see cref="IParagraphClaimHolder"/>).
    /// </summary>
    [Alias("claim-variant")]
    Task<ParagraphLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, SlotLane? lane = null);

    /// <summary>
    /// Keeps the English as a variant unless a kept one renders the entries it was made under (bounded: <see cref="ParagraphTranslationState.MostVariants"/>);
    /// the claim ends and the waiting articles get the variant the cache answers with for those entries.
    /// </summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(ParagraphTranslation translation);

    /// <summary>Gives up <paramref name="article"/>'s claim (its translation failed, or it was deleted or gave up): the waiting articles are told, and ask again.</summary>
    [Alias("release"), OneWay]
    Task ReleaseAsync(string article);
}
