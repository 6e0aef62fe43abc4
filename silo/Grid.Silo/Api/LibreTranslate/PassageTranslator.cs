using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Passages;
using Grid.Grains.Translation;
using Microsoft.Extensions.Options;

namespace Grid.Silo.Api.LibreTranslate;

/// <summary>
/// Translates short texts with the chunk grains that translate articles: the same cache and the same
/// LLM slots. No grain call waits on the LLM: each chunk is started (or found in the cache) at once,
/// then its result is polled, and a chunk still without one is asked for again now and then, which
/// restarts work that failed. Past <see cref="TranslateOptions.Timeout"/> the caller is told to come
/// back; the work carries on and the next ask answers from the cache.
/// </summary>
public sealed partial class PassageTranslator(
    IGrainFactory grains,
    ChunkTranslator translator,
    IOptions<ArticleOptions> articles,
    IOptions<TranslationOptions> translation,
    IOptions<TranslateOptions> options,
    ILogger<PassageTranslator> logger)
{
    /// <summary>Who the chunk grains call back: never an article, since ':' is not allowed in article ids.</summary>
    public const string Requester = "translate:api";

    /// <summary>The English of each text, in order; null when it was not all done within the timeout.</summary>
    public async Task<string[]?> TranslateAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var plans = texts.Select(text => PassagePlan.Create(text, articles.Value, translator.Model, translation.Value)).ToList();
        var work = plans.SelectMany(plan => plan.Work).DistinctBy(item => item.Key).ToList();
        var done = new Dictionary<string, ChunkTranslationResult>();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        try
        {
            await AskAsync(work, done);
            using var tick = new PeriodicTimer(options.Value.PollInterval);
            var askedAt = DateTimeOffset.UtcNow;
            while (done.Count < work.Count && await tick.WaitForNextTickAsync(deadline.Token))
            {
                var pending = work.Where(item => !done.ContainsKey(item.Key)).ToList();
                var results = await Task.WhenAll(pending.Select(item => grains.GetGrain<IChunkTranslationGrain>(item.Key).GetResultAsync()));
                Keep(pending, results, done);
                if (done.Count < work.Count && DateTimeOffset.UtcNow - askedAt >= options.Value.RestartInterval)
                {
                    await AskAsync([.. work.Where(item => !done.ContainsKey(item.Key))], done);
                    askedAt = DateTimeOffset.UtcNow;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(work.Count - done.Count, work.Count, options.Value.Timeout);
            return null;
        }
        return [.. plans.Select(plan => plan.English([.. plan.Work.Select(item => done[item.Key])]))];
    }

    private async Task AskAsync(IReadOnlyList<WorkItem> pending, Dictionary<string, ChunkTranslationResult> done)
    {
        var answers = await Task.WhenAll(pending.Select(item =>
            grains.GetGrain<IChunkTranslationGrain>(item.Key).StartAsync(item.Request(Requester, TranslationMode.Fast, Requester))));
        Keep(pending, answers, done);
    }

    private static void Keep(IReadOnlyList<WorkItem> items, ChunkTranslationResult?[] results, Dictionary<string, ChunkTranslationResult> done)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i] is { Succeeded: true } result)
                done[items[i].Key] = result;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A /translate request gave up waiting: {Pending} of {Total} chunks had no translation after {Timeout}; they go on in the background")]
    private partial void LogTimedOut(int pending, int total, TimeSpan timeout);
}
