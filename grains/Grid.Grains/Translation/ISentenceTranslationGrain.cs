using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// One sentence of the sentence memory, one grain per <see cref="SentenceKey"/>: the English of the sentence as the accepted
/// translations of the paragraphs it was in gave it. Articles reach it through <see cref="ISentenceMemoryGrain"/>, a paragraph at a time.
/// </summary>
[Alias("grid.ISentenceTranslationGrain")]
public interface ISentenceTranslationGrain : IGrainWithStringKey
{
    /// <summary>The first variant whose English renders every entry in <paramref name="needed"/>; null when none does (or none is kept).</summary>
    [Alias("find"), ReadOnly, AlwaysInterleave]
    Task<SentenceTranslation?> FindAsync(ImmutableArray<GlossaryEntry> needed);

    /// <summary>Keeps the English as a variant unless a kept one renders the entries it was made under.</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(SentenceTranslation translation);
}
