using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Text;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// What an article grain persists: the submission, its plan (<see cref="ArticlePlan"/>, every answer written as it arrives), and the article's round, summary and costs.
/// What is computed from them carries [JsonIgnore], here and in the plan's types: the grain storage's JSON writes every public
/// getter, and would compute and store them with each write for no reader.
/// </summary>
[GenerateSerializer, Alias("grid.article-state")]
public sealed partial class ArticleState
{
    [Id(0)] public ArticleSubmission? Submission { get; set; }
    // Stored without the paragraphs the plan holds (ArticleState.Stored.cs).
    [Id(1), JsonIgnore] public ParsedArticle? Parsed { get; set; }
    // Ids 2-4, 15, 16 and 18-20 are the work as stored before the plan (ArticleState.BeforePlan.cs).
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
    /// <summary>The LLM work paid for this article, by stage (<see cref="UsageStages"/>).</summary>
    [Id(17)] public Dictionary<string, LlmUsage> StageUsage { get; set; } = [];
    /// <summary>Units (by key) whose work waits for a backend, and since when; cleared as their answers come.</summary>
    [Id(21)] public Dictionary<string, BackendWait> BackendWaits { get; set; } = [];
    /// <summary>Rounds started by the watchdog, without a resubmission, after an outage left parts untranslated.</summary>
    [Id(22)] public int OutageRedrives { get; set; }
    /// <summary>The article's translation: paragraphs, units, answers, the glossary pass.</summary>
    [Id(23)] public ArticlePlan? Plan { get; set; }
    /// <summary>Paragraphs the paragraph cache answered (none of this article's work).</summary>
    [Id(24)] public int CachedParagraphs { get; set; }
    /// <summary>The normalized URL of the page the article is made from, when it was submitted by URL (ArticleGrain.Fetching.cs).</summary>
    [Id(25)] public string? PageUrl { get; set; }
    /// <summary>Whose article it is (an API key's name, a feed: <see cref="SubmissionOwner"/>): its LLM work takes turns with other owners'.</summary>
    [Id(26)] public string? Owner { get; set; }
    /// <summary>
    /// The version of the article's records in the article index, raised with each write that changes its list line: the
    /// index keeps the newest of records written out of order by different silos. A new activation goes on from it.
    /// </summary>
    [Id(40)] public long IndexVersion { get; set; }

    [JsonIgnore]
    public bool Exists => Submission is not null;

    [JsonIgnore]
    public bool Finished => Status is ArticleStatus.Completed or ArticleStatus.Failed;

    /// <summary>After a conflicting write: our progress, plus any answer the stored copy has that we lack.</summary>
    public static ArticleState Merge(ArticleState stored, ArticleState mine)
    {
        // Another revision's answers and summary are not this one's.
        if (stored.CurrentRevision != mine.CurrentRevision)
            return mine;
        if (stored.Plan is { } storedPlan)
            mine.Plan?.MergeFrom(storedPlan);
        mine.Summary ??= stored.Summary;
        return mine;
    }

    /// <summary>Ended without everything: a failure, an untranslated unit or piece, or no summary.</summary>
    [JsonIgnore]
    public bool HasGaps => Status == ArticleStatus.Failed || Summary is null || (Plan is { } plan && plan.HasIncompleteAnswers);

    [JsonIgnore]
    public TranslationMode Mode => Submission?.Mode ?? TranslationMode.Fast;

    [JsonIgnore]
    public ArticlePriority Priority => Submission?.Priority ?? ArticlePriority.Normal;

    /// <summary>Where the article's LLM work waits for a slot: its priority, and its owner's turn.</summary>
    [JsonIgnore]
    public SlotLane Lane => new(Priority, Owner ?? SubmissionOwner.Anonymous);

    /// <summary>Counts LLM work under its stage as well as in the total.</summary>
    public void AddUsage(string stage, LlmUsage usage)
    {
        Usage += usage;
        StageUsage[stage] = StageUsage.GetValueOrDefault(stage, LlmUsage.None) + usage;
    }
}
