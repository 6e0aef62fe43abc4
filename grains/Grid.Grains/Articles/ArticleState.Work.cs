using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's side of its plan's work: who pays, what an answer cost, waits for a backend, and
/// rounds. What to translate and when it is done is the plan's (<see cref="ArticlePlan"/>).
/// </summary>
public sealed partial class ArticleState
{
    /// <summary>
    /// Who pays for this article's units: its id and submission time, so the same text deleted and
    /// submitted again does not count the first submission's work (now in the cache) as its own.
    /// A later revision pays apart: what an earlier one paid for comes to it from the cache.
    /// </summary>
    public string Payer(string articleId) => CurrentRevision == 1 ? $"{articleId}@{SubmittedAt.UtcTicks}" : $"{articleId}@{SubmittedAt.UtcTicks}#{CurrentRevision}";

    /// <summary>Keeps an answer in the plan and counts what it cost; false when the plan had no use for it.</summary>
    public bool Record(string key, ChunkTranslationResult result, string articleId)
    {
        var count = Plan!.Record(key, result, Payer(articleId), RoundStartedAt);
        if (count.Kept == 0)
            return false;
        BackendWaits.Remove(key);
        CachedChunks += count.FromCache;
        foreach (var stage in count.Paid)
            AddUsage(stage.Stage, stage.Usage);
        return true;
    }

    /// <summary>Takes in the extracted glossary: its cost and warning here, its entries in the plan.</summary>
    public void ApplyGlossary(GlossaryExtraction extraction, PlanSettings settings)
    {
        AddUsage(UsageStages.Glossary, extraction.Usage);
        if (extraction.Warning is { } warning)
            Warnings.Add(warning);
        Plan!.ApplyGlossary(extraction.Entries, settings);
    }

    /// <summary>The key under which the article's own calls (glossary, summary) note their waits for a backend.</summary>
    public static string StageWaitKey(string stage) => $"stage:{stage}";

    /// <summary>
    /// Notes that a pending unit (by its key) or one of the article's own stages (<see cref="StageWaitKey"/>)
    /// waits for a backend, the earliest word kept, or no longer does; true when that changed anything.
    /// </summary>
    public bool NoteBackendWait(string key, BackendWait? wait)
    {
        if (Finished || (!key.StartsWith("stage:", StringComparison.Ordinal) && !Plan!.IsPending(key)))
            return false;
        return wait is null ? BackendWaits.Remove(key) : BackendWaits.TryAdd(key, wait);
    }

    /// <summary>The longest wait for a backend among the pending units, or null when none waits.</summary>
    [JsonIgnore]
    public BackendWait? WaitingForBackend =>
        Finished || BackendWaits.Count == 0 ? null : BackendWaits.Values.MinBy(wait => wait.Since);

    /// <summary>
    /// Finished with parts a backend outage left untranslated: units no backend took for all of
    /// <c>Grid:Llm:GiveUpAfter</c> (every time), or that failing backends left (once, as a backend that
    /// fails one unit again and again must not be asked forever). The watchdog re-drives them.
    /// </summary>
    [JsonIgnore]
    public bool HasOutageGaps => Finished && Plan is { } plan &&
        (plan.HasFailure(LlmFailureKind.NoBackend) || (plan.HasFailure(LlmFailureKind.BackendUnavailable) && OutageRedrives == 0));

    /// <summary>Opens a new round for an article that ended with gaps: failed and partly translated units are forgotten, finished ones kept.</summary>
    public void StartNewRound()
    {
        Plan!.ForgetIncompleteAnswers();
        Warnings.Clear();
        BackendWaits.Clear();
        Failure = null;
        FinishedAt = null;
        Status = ArticleStatus.Queued;
        RoundStartedAt = DateTimeOffset.UtcNow;
    }
}
