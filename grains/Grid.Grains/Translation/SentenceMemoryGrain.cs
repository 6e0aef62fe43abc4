using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>The sentence memory's stateless door (<see cref="ISentenceMemoryGrain"/>): a local activation on every silo, as many as its calls need.</summary>
[StatelessWorker]
public sealed partial class SentenceMemoryGrain(ILogger<SentenceMemoryGrain> logger) : Grain, ISentenceMemoryGrain
{
    public async Task<ImmutableArray<SentenceLookup>> LookUpAsync(string article, ImmutableArray<SentenceQuery> sentences, TimeSpan lease) =>
        [.. await Task.WhenAll(sentences.Select(sentence => GrainFactory.GetGrain<ISentenceTranslationGrain>(sentence.Key).ClaimAsync(article, sentence.Needed, lease)))];

    public Task KeepAsync(string article, ImmutableArray<SentencePair> sentences, ImmutableArray<string> unpaired)
    {
        // One way each: a sentence not kept only costs a later paragraph a translation, a claim not given up a wait until it runs out.
        foreach (var sentence in sentences)
            Tell(sentence.Key, grain => grain.KeepAsync(sentence.Translation));
        foreach (var key in unpaired.IsDefault ? [] : unpaired)
            Tell(key, grain => grain.ReleaseAsync(article));
        return Task.CompletedTask;
    }

    private void Tell(string key, Func<ISentenceTranslationGrain, Task> call)
    {
        try
        {
            _ = call(GrainFactory.GetGrain<ISentenceTranslationGrain>(key));
        }
        catch (Exception error)
        {
            LogNotTold(key, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be told by the sentence memory: {Error}")]
    private partial void LogNotTold(string key, string error);
}
