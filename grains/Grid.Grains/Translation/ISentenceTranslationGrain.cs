using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// One sentence of the sentence memory, one grain per <see cref="SentenceKey"/>: the English of the sentence as the accepted
/// translations of the paragraphs it was in gave it; and, while an article translates a paragraph holding it, that article's
/// claim and the articles waiting for it (every other sentence of their paragraph kept or claimed too), told when it settles.
/// Articles reach it through <see cref="ISentenceMemoryGrain"/>, a paragraph at a time.
/// </summary>
[Alias("grid.ISentenceTranslationGrain")]
public interface ISentenceTranslationGrain : IGrainWithStringKey
{
    /// <summary>The first variant whose English renders every entry in <paramref name="needed"/>; null when none does (or none is kept).</summary>
    [Alias("find"), ReadOnly, AlwaysInterleave]
    Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed);

    /// <summary>
    /// The first variant rendering every entry in <paramref name="needed"/>; else a claim for <paramref name="article"/>, for
    /// <paramref name="lease"/> (no one holds one, it lapsed, or the article holds it: renewed); else who holds it, for how
    /// long and with which other sentences (<see cref="SentenceLookup.ClaimedWith"/>), and the article is told when it settles
    /// (<see cref="IParagraphClaimWaiter.OnParagraphSettledAsync"/>, under this key, with no English).
    /// </summary>
    /// <param name="claimedWith">The keys of the sentences of the paragraph the article translates, this one among them, given to those who find the claim held.</param>
    [Alias("claim-with")]
    Task<SentenceLookup> ClaimAsync(string article, ImmutableArray<GlossaryEntry> needed, TimeSpan lease, ImmutableArray<string> claimedWith = default);

    /// <summary>What <see cref="ClaimAsync"/> would answer, without claiming or waiting: a sentence no one translates is <see cref="ParagraphLookupKind.Yours"/> with no claimant.</summary>
    [Alias("peek"), ReadOnly, AlwaysInterleave]
    Task<SentenceLookup> PeekAsync(ImmutableArray<GlossaryEntry> needed);

    /// <summary>Keeps the English as a variant unless a kept one renders the entries it was made under; the claim ends and the waiting articles are told.</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(SentenceTranslation translation);

    /// <summary>Gives up <paramref name="article"/>'s claim (its paragraph's English could not be paired sentence by sentence, or will not come): the waiting articles are told.</summary>
    [Alias("release"), OneWay]
    Task ReleaseAsync(string article);
}
