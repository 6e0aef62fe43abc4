using System.Collections.Immutable;
using Grid.Abstractions;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>
/// The sentence memory's door: a stateless worker that fans an article's one call per paragraph out to the paragraph's
/// sentence grains (<see cref="ISentenceTranslationGrain"/>), so an article never makes a call per sentence. Addressed as a
/// singleton (<see cref="SingletonGrains"/>): a stateless worker, it is activated on every silo that calls it.
/// </summary>
[Alias("grid.ISentenceMemoryGrain")]
public interface ISentenceMemoryGrain : ISingletonGrain
{
    /// <summary>
    /// Each sentence's answer, in the order asked (<see cref="ISentenceTranslationGrain.ClaimAsync"/>): its English, a claim for
    /// <paramref name="article"/>, or who translates it; null for those not asked, once one was found another's.
    /// </summary>
    [Alias("look-up")]
    Task<ImmutableArray<SentenceLookup?>> LookUpAsync(string article, ImmutableArray<SentenceQuery> sentences, TimeSpan lease);

    /// <summary>Gives each sentence's English to its grain, and gives up <paramref name="article"/>'s claims on the sentences under <paramref name="givenUp"/> (their paragraph's English could not be paired, or will not come).</summary>
    [Alias("keep"), OneWay]
    Task KeepAsync(string article, ImmutableArray<SentencePair> sentences, ImmutableArray<string> givenUp);
}
