using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>The sentence memory's stateless door (<see cref="ISentenceMemoryGrain"/>): a local activation on every silo, as many as its calls need.</summary>
[StatelessWorker]
public sealed partial class SentenceMemoryGrain(ILogger<SentenceMemoryGrain> logger) : Grain, ISentenceMemoryGrain
{
    /// <summary>
    /// Claims the sentences one after another in the order of their keys, and stops claiming at the first another article
    /// translates (the rest are only looked at): claims are taken in one order across the cluster, so two articles whose
    /// paragraphs share sentences never each hold a part of the other's and wait on each other. Each claim names the paragraph's
    /// other sentences, so an article that finds one held knows which of the rest the holder is still on its way to claim.
    /// </summary>
    public async Task<ImmutableArray<SentenceLookup?>> LookUpAsync(string article, ImmutableArray<SentenceQuery> sentences, TimeSpan lease)
    {
        var found = new SentenceLookup?[sentences.Length];
        var (claiming, claimedWith) = (true, sentences.Select(sentence => sentence.Key).ToImmutableArray());
        foreach (var index in Enumerable.Range(0, sentences.Length).OrderBy(index => sentences[index].Key, StringComparer.Ordinal))
        {
            var (sentence, grain) = (sentences[index], GrainFactory.GetGrain<ISentenceTranslationGrain>(sentences[index].Key));
            found[index] = claiming ? await grain.ClaimAsync(article, sentence.Needed, lease, claimedWith) : await grain.PeekAsync(sentence.Needed);
            claiming &= found[index]!.Kind != ParagraphLookupKind.Taken;
        }
        return [.. found];
    }

    public Task KeepAsync(string article, ImmutableArray<SentencePair> sentences, ImmutableArray<string> givenUp)
    {
        // One way each: a sentence not kept only costs a later paragraph a translation, a claim not given up a wait until it runs out.
        foreach (var sentence in sentences)
            Tell(sentence.Key, grain => grain.KeepAsync(sentence.Translation));
        foreach (var key in givenUp.IsDefault ? [] : givenUp)
            Tell(key, grain => grain.ReleaseAsync(article));
        return Task.CompletedTask;
    }

    private void Tell(string key, Func<ISentenceTranslationGrain, Task> call) => _ = TellAsync(key, call);

    /// <summary>Not awaited by the caller, so its failure is logged here rather than left as an unobserved task.</summary>
    private async Task TellAsync(string key, Func<ISentenceTranslationGrain, Task> call)
    {
        try
        {
            await call(GrainFactory.GetGrain<ISentenceTranslationGrain>(key));
        }
        catch (Exception error)
        {
            LogNotTold(key, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be told by the sentence memory: {Error}")]
    private partial void LogNotTold(string key, string error);
}
