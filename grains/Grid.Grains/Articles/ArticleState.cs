using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;

namespace Grid.Grains.Articles;

/// <summary>What an article grain persists; every finished chunk is written as it arrives.</summary>
[GenerateSerializer, Alias("grid.article-state")]
public sealed partial class ArticleState
{
    [Id(0)] public ArticleSubmission? Submission { get; set; }
    [Id(1)] public ParsedArticle? Parsed { get; set; }
    [Id(2)] public ImmutableArray<TextChunk> Chunks { get; set; } = [];
    [Id(3)] public ImmutableArray<WorkItem> Work { get; set; } = [];
    /// <summary>Finished translations by chunk index (<see cref="WorkItem.Title"/> for the title).</summary>
    [Id(4)] public Dictionary<int, ChunkTranslationResult> Translations { get; set; } = [];
    [Id(5)] public ArticleStatus Status { get; set; }
    [Id(6)] public ArticleSummary? Summary { get; set; }
    [Id(7)] public List<string> Warnings { get; set; } = [];
    [Id(8)] public LlmUsage Usage { get; set; } = LlmUsage.None;
    [Id(9)] public int CachedChunks { get; set; }
    [Id(10)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(12)] public string? Failure { get; set; }
    /// <summary>When the current round of work began: at submission, or when a resubmission re-drove the gaps.</summary>
    [Id(13)] public DateTimeOffset RoundStartedAt { get; set; }
    /// <summary>The W3C traceparent of the submitting request: the article's work is traced as part of it.</summary>
    [Id(14)] public string? TraceParent { get; set; }
    /// <summary>The article's glossary: the caller's and the configured entries, and once extracted, the article's own.</summary>
    [Id(15)] public ImmutableArray<GlossaryEntry> Glossary { get; set; } = [];
    /// <summary>The glossary call has yet to run; the chunks wait for it (their prompts carry its entries).</summary>
    [Id(16)] public bool GlossaryPending { get; set; }
    /// <summary>The LLM work paid for this article, by stage (<see cref="UsageStages"/>).</summary>
    [Id(17)] public Dictionary<string, LlmUsage> StageUsage { get; set; } = [];
    /// <summary>Second translations of chunks whose first ignored the glossary.</summary>
    [Id(18)] public ImmutableArray<WorkItem> RepairWork { get; set; } = [];
    /// <summary>The answers to <see cref="RepairWork"/>, by chunk index.</summary>
    [Id(19)] public Dictionary<int, ChunkTranslationResult> Repairs { get; set; } = [];
    /// <summary>The glossary consistency check has run (and its repairs are in <see cref="Translations"/>).</summary>
    [Id(20)] public bool ConsistencyChecked { get; set; }
    /// <summary>Chunks (by key) whose work waits for a backend, and since when; cleared as their answers come.</summary>
    [Id(21)] public Dictionary<string, BackendWait> BackendWaits { get; set; } = [];
    /// <summary>Rounds started by the watchdog, without a resubmission, after an outage left parts untranslated.</summary>
    [Id(22)] public int OutageRedrives { get; set; }
    /// <summary>The normalized URL of the page the article is made from, when it was submitted by URL (ArticleGrain.Fetching.cs).</summary>
    [Id(23)] public string? PageUrl { get; set; }

    public bool Exists => Submission is not null;

    public bool Finished => Status is ArticleStatus.Completed or ArticleStatus.Failed;

    /// <summary>After a conflicting write: our progress, plus any chunk the stored copy has that we lack.</summary>
    public static ArticleState Merge(ArticleState stored, ArticleState mine)
    {
        foreach (var (index, result) in stored.Translations)
            mine.Translations.TryAdd(index, result);
        foreach (var (index, result) in stored.Repairs)
            mine.Repairs.TryAdd(index, result);
        mine.Summary ??= stored.Summary;
        return mine;
    }

    /// <summary>Ended without everything: a failure, an untranslated chunk or piece, or no summary.</summary>
    public bool HasGaps => Status == ArticleStatus.Failed || Summary is null || Translations.Values.Any(result => !result.Complete);

    /// <summary>Body chunks with an answer, successful or not.</summary>
    public int ChunksDone => Translations.Keys.Count(index => index != WorkItem.Title);

    public TranslationMode Mode => Submission?.Mode ?? TranslationMode.Fast;

    /// <summary>Counts LLM work under its stage as well as in the total.</summary>
    public void AddUsage(string stage, LlmUsage usage)
    {
        Usage += usage;
        StageUsage[stage] = StageUsage.GetValueOrDefault(stage, LlmUsage.None) + usage;
    }
}
