using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>
/// The rules of an article's work, kept with its state so the grain only orchestrates: which
/// chunks still need an answer, how an answer is counted, and what a new round resets.
/// </summary>
public sealed partial class ArticleState
{
    /// <summary>Chunks and repairs without an answer yet.</summary>
    public IReadOnlyList<WorkItem> PendingWork() =>
        [.. Work.Where(item => !Translations.ContainsKey(item.ChunkIndex)).Concat(RepairWork.Where(item => !Repairs.ContainsKey(item.ChunkIndex)))];

    /// <summary>Some chunk (not a repair) has no answer yet.</summary>
    public bool AwaitsTranslations => Work.Any(item => !Translations.ContainsKey(item.ChunkIndex));

    /// <summary>
    /// Who pays for this article's chunks: its id and submission time, so the same text deleted and
    /// submitted again does not count the first submission's work (now in the cache) as its own.
    /// </summary>
    public string Payer(string articleId) => $"{articleId}@{SubmittedAt.UtcTicks}";

    /// <summary>
    /// Keeps one chunk's answer (or a repair's) and counts what it cost: nothing when another article,
    /// or an earlier submission of this one, paid for it. False when it was already known, or is a
    /// failure from before a retry.
    /// </summary>
    public bool Record(WorkItem item, ChunkTranslationResult result, string articleId)
    {
        var answers = item.Insist ? Repairs : Translations;
        if (answers.ContainsKey(item.ChunkIndex) || (!result.Complete && result.StartedAt < RoundStartedAt))
            return false;
        answers[item.ChunkIndex] = result;
        BackendWaits.Remove(item.Key);
        if (result.ProducedFor != Payer(articleId))
        {
            if (!item.Insist)
                CachedChunks++;
        }
        else if (result.Stages.IsDefaultOrEmpty)
        {
            AddUsage(item.Insist ? UsageStages.Consistency : UsageStages.Translate, result.Usage);
        }
        else
        {
            foreach (var stage in result.Stages)
                AddUsage(stage.Stage, stage.Usage);
        }
        return true;
    }

    /// <summary>Why the article cannot go on to its summary once every chunk answered, or null when it can.</summary>
    public string? TranslationFailure()
    {
        if (Translations.Values.FirstOrDefault(result => result.Failure == TranslationFailureKind.ModelMissing) is { } missing)
            return missing.FailureDetail;
        if (AwaitsTranslations || Translations.Any(pair => pair.Key != WorkItem.Title && pair.Value.Succeeded))
            return null;
        return $"no part of the article could be translated: {Translations.Values.First(result => !result.Succeeded).FailureDetail}";
    }

    /// <summary>The key under which the article's own calls (glossary, summary) note their waits for a backend.</summary>
    public static string StageWaitKey(string stage) => $"stage:{stage}";

    /// <summary>
    /// Notes that a pending chunk (by its key) or one of the article's own stages (<see cref="StageWaitKey"/>)
    /// waits for a backend, the earliest word kept, or no longer does; true when that changed anything.
    /// </summary>
    public bool NoteBackendWait(string key, BackendWait? wait)
    {
        if (Finished || (!key.StartsWith("stage:", StringComparison.Ordinal) && !PendingWork().Any(item => item.Key == key)))
            return false;
        return wait is null ? BackendWaits.Remove(key) : BackendWaits.TryAdd(key, wait);
    }

    /// <summary>The longest wait for a backend among the pending chunks, or null when none waits.</summary>
    public BackendWait? WaitingForBackend =>
        Finished || BackendWaits.Count == 0 ? null : BackendWaits.Values.MinBy(wait => wait.Since);

    /// <summary>Body paragraphs with a piece that ended untranslated: its chunk failed, or left that piece out.</summary>
    public int MissingParagraphs() =>
        Chunks.Where(chunk => Translations.TryGetValue(chunk.Index, out var result) && !result.Complete)
            .SelectMany(chunk => chunk.Segments.Where((_, i) => Translations[chunk.Index].EnglishOf(i) is null).Select(segment => segment.ParagraphIndex))
            .Distinct()
            .Count();

    /// <summary>
    /// Finished with parts a backend outage left untranslated: chunks no backend took for all of
    /// <c>Grid:Llm:GiveUpAfter</c> (every time), or that failing backends left (once, as a backend that
    /// fails one chunk again and again must not be asked forever). The watchdog re-drives them.
    /// </summary>
    public bool HasOutageGaps => Finished && Translations.Values.Any(result =>
        result.Failure == TranslationFailureKind.NoBackend || (result.Failure == TranslationFailureKind.BackendUnavailable && OutageRedrives == 0));

    /// <summary>Takes in the extracted glossary and re-plans the chunks, whose prompts and cache keys carry its entries.</summary>
    public void ApplyGlossary(GlossaryExtraction extraction, string model, TranslationOptions translation)
    {
        AddUsage(UsageStages.Glossary, extraction.Usage);
        if (extraction.Warning is { } warning)
            Warnings.Add(warning);
        Glossary = ArticleGlossary.Merge(extraction.Entries, Glossary);
        GlossaryPending = false;
        Work = ArticleDraft.WorkFor(this, model, translation);
    }

    /// <summary>Opens a new round for an article that ended with gaps: failed and partly translated chunks are forgotten, finished ones kept.</summary>
    public void StartNewRound()
    {
        foreach (var failed in Translations.Where(pair => !pair.Value.Complete).Select(pair => pair.Key).ToList())
            Translations.Remove(failed);
        Warnings.Clear();
        RepairWork = [];
        Repairs.Clear();
        BackendWaits.Clear();
        ConsistencyChecked = false;
        Failure = null;
        FinishedAt = null;
        Status = ArticleStatus.Queued;
        RoundStartedAt = DateTimeOffset.UtcNow;
    }
}
