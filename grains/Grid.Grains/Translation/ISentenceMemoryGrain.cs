using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// The sentence memory's door: a stateless worker that fans an article's one call per paragraph out to the paragraph's
/// sentence grains (<see cref="ISentenceTranslationGrain"/>), so an article never makes a call per sentence. Always key 0.
/// </summary>
[Alias("grid.ISentenceMemoryGrain")]
public interface ISentenceMemoryGrain : IGrainWithIntegerKey
{
    /// <summary>The English of every sentence, in order, each rendering the entries its query needs; empty when one is not kept.</summary>
    [Alias("look-up")]
    Task<ImmutableArray<string>> LookUpAsync(ImmutableArray<SentenceQuery> sentences);

    /// <summary>Gives each sentence's English to its grain.</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(ImmutableArray<SentencePair> sentences);
}
