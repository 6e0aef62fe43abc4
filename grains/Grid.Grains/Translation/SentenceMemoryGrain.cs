using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Grid.Grains.Translation;

/// <summary>The sentence memory's stateless door (<see cref="ISentenceMemoryGrain"/>): a local activation on every silo, as many as its calls need.</summary>
[StatelessWorker]
public sealed partial class SentenceMemoryGrain(ILogger<SentenceMemoryGrain> logger) : Grain, ISentenceMemoryGrain
{
    public async Task<ImmutableArray<string>> LookUpAsync(ImmutableArray<SentenceQuery> sentences)
    {
        var found = await Task.WhenAll(sentences.Select(sentence => GrainFactory.GetGrain<ISentenceTranslationGrain>(sentence.Key).FindAsync(sentence.Needed)));
        return found.All(translation => translation is not null) ? [.. found.Select(translation => translation!.English)] : [];
    }

    public Task KeepAsync(ImmutableArray<SentencePair> sentences)
    {
        foreach (var sentence in sentences)
        {
            try
            {
                _ = GrainFactory.GetGrain<ISentenceTranslationGrain>(sentence.Key).KeepAsync(sentence.Translation);
            }
            catch (Exception error)
            {
                // A sentence not kept only costs a later paragraph a translation.
                LogNotKept(sentence.Key, error.Message);
            }
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sentence {Key} could not be given to the sentence memory: {Error}")]
    private partial void LogNotKept(string key, string error);
}
