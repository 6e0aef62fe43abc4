using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// The rules of an article's translation, in one place: its title and paragraphs, the units they are
/// sent in and the answers that came back, what is still pending, what the glossary pass changed, and
/// when it is done. The grain stores it, sends what it says and reports back what arrives; it decides
/// nothing itself. The title is a field of its own, sent as a unit of its own (never a chunk).
/// </summary>
[GenerateSerializer, Alias("grid.article-plan")]
public sealed partial class ArticlePlan
{
    /// <summary>The title as the reader sees it (the caller's, else the parsed one); null when there is none.</summary>
    [Id(0)] public string? Title { get; set; }
    /// <summary>The body paragraphs' Arabic, as the reader numbers them.</summary>
    [Id(1)] public ImmutableArray<string> Paragraphs { get; set; } = [];
    [Id(2)] public TranslationMode Mode { get; set; }
    /// <summary>The article's glossary: the caller's and the configured entries, and once extracted, the article's own.</summary>
    [Id(3)] public ImmutableArray<GlossaryEntry> Glossary { get; set; } = [];
    /// <summary>The glossary call has yet to run; the units wait for it (their prompts and keys carry its entries).</summary>
    [Id(4)] public bool GlossaryPending { get; set; }
    // Units and retries are stored without what they repeat of the paragraphs (ArticlePlan.Stored.cs).
    [Id(5), JsonIgnore] public ImmutableArray<PlanUnit> Units { get; set; } = [];
    /// <summary>The answers to <see cref="Units"/>, by unit index; after the glossary pass, the answers it chose and repaired.</summary>
    [Id(6)] public Dictionary<int, ChunkTranslationResult> Answers { get; set; } = [];
    /// <summary>Second translations, insisting on the glossary, of the units whose first answer missed a rendering.</summary>
    [Id(7), JsonIgnore] public ImmutableArray<PlanUnit> GlossaryRetries { get; set; } = [];
    /// <summary>The answers to <see cref="GlossaryRetries"/>, by unit index.</summary>
    [Id(8)] public Dictionary<int, ChunkTranslationResult> RetryAnswers { get; set; } = [];
    /// <summary>The glossary pass is done: its choices and repairs are in <see cref="Answers"/>, what it could not fix in <see cref="GlossaryWarnings"/>.</summary>
    [Id(9)] public bool GlossaryChecked { get; set; }
    [Id(10)] public List<string> GlossaryWarnings { get; set; } = [];
    /// <summary>The paragraph cache is yet to be asked: the units are packed again from the paragraphs it does not answer.</summary>
    [Id(11)] public bool LookupPending { get; set; }
    /// <summary>Paragraphs the paragraph cache answered, by index: no unit carries them.</summary>
    [Id(12)] public Dictionary<int, string> FromCache { get; set; } = [];
    /// <summary>Paragraphs this article claimed in the paragraph cache and translates, by index, under their keys (ArticlePlan.ParagraphClaims.cs).</summary>
    [Id(13)] public Dictionary<int, string> Claims { get; set; } = [];
    /// <summary>Paragraphs another article claimed, by index: this one waits for their English, until the claim runs out.</summary>
    [Id(14)] public Dictionary<int, ParagraphWait> ClaimWaits { get; set; } = [];

    /// <summary>
    /// The plan of a new article: every paragraph packed into units (<see cref="Pack"/>), to be packed
    /// again from what the paragraph cache does not answer once the glossary is known; the glossary call
    /// first when the article needs more than one chunk (one chunk's names cannot disagree).
    /// </summary>
    public static ArticlePlan Create(string? title, ImmutableArray<string> paragraphs, ImmutableArray<GlossaryEntry> glossary, TranslationMode mode, PlanSettings settings)
    {
        var plan = new ArticlePlan { Title = title, Paragraphs = paragraphs, Mode = mode, Glossary = glossary, LookupPending = true };
        plan.Units = plan.Pack([.. Enumerable.Range(0, paragraphs.Length)], settings);
        plan.GlossaryPending = plan.ChunksTotal > 1;
        return plan;
    }

    /// <summary>The title's Arabic to translate, on one line; null when there is no title or it has no Arabic (then it reads as it is).</summary>
    [JsonIgnore]
    public string? TitleToTranslate => Title is { } title && ArabicScript.ContainsArabic(title) ? string.Join(' ', title.Split('\n', StringSplitOptions.RemoveEmptyEntries)) : null;

    /// <summary>The work of the first translations, in unit order (a method: computed, never stored).</summary>
    public IReadOnlyList<WorkItem> Work() => [.. Units.Select(unit => unit.Work)];

    /// <summary>Units and glossary retries without an answer yet.</summary>
    public IReadOnlyList<WorkItem> PendingWork() =>
        [.. Units.Where(unit => !Answers.ContainsKey(unit.Index)).Concat(GlossaryRetries.Where(unit => !RetryAnswers.ContainsKey(unit.Index))).Select(unit => unit.Work)];

    public bool IsPending(string key) => PendingWork().Any(item => item.Key == key);

    /// <summary>Some unit (not a retry) has no answer yet, or some paragraph waits on another article's claim.</summary>
    [JsonIgnore]
    public bool AwaitsTranslations => Units.Any(unit => !Answers.ContainsKey(unit.Index)) || ClaimWaits.Count > 0;

    /// <summary>
    /// Keeps the answer for every unit and retry with this key that has none (an article may hold the
    /// same text twice), and says what it cost: nothing when it was made for another payer (another
    /// article, or an earlier submission of this one). A failure from before <paramref name="roundStartedAt"/> is ignored.
    /// </summary>
    public AnswerCount Record(string key, ChunkTranslationResult result, string payer, DateTimeOffset roundStartedAt)
    {
        if (!result.Complete && result.StartedAt < roundStartedAt)
            return AnswerCount.None;
        var (kept, fromCache) = (0, 0);
        var paid = new List<StageUsage>();
        foreach (var (unit, answers) in Units.Select(unit => (unit, Answers)).Concat(GlossaryRetries.Select(unit => (unit, RetryAnswers))))
        {
            if (unit.Key != key || !answers.TryAdd(unit.Index, result))
                continue;
            kept++;
            if (result.ProducedFor != payer)
                fromCache += unit.Work.GlossaryRetry ? 0 : 1;
            else if (result.Stages.IsDefaultOrEmpty)
                paid.Add(new StageUsage(unit.Work.GlossaryRetry ? UsageStages.GlossaryRetry : UsageStages.Translate, result.Usage));
            else
                paid.AddRange(result.Stages);
        }
        return new AnswerCount(kept, fromCache, paid);
    }

    /// <summary>
    /// Moves the plan on and says what the grain does next: the glossary call, sending work, waiting for
    /// answers, the summary, or failing. Plans the glossary retries, and applies them once they are in.
    /// </summary>
    public PlanStep Advance(PlanSettings settings) => Advance(settings, DateTimeOffset.UtcNow);

    /// <inheritdoc cref="Advance(PlanSettings)"/>
    /// <param name="now">When it is, for the waits on other articles' claims.</param>
    public PlanStep Advance(PlanSettings settings, DateTimeOffset now)
    {
        if (GlossaryPending)
            return PlanStep.ExtractGlossary;
        if (LookupPending || ClaimWaitRunOut(now))
            return PlanStep.LookUpParagraphs;
        if (Failure() is not null)
            return PlanStep.Fail;
        if (AwaitsTranslations)
            return PlanStep.Wait;
        return GlossaryChecked ? PlanStep.Summarize : CheckGlossary(settings);
    }

    /// <summary>Why the article cannot go on to its summary, or null when it can (or may yet).</summary>
    public string? Failure()
    {
        if (Answers.Values.FirstOrDefault(result => result.Failure == LlmFailureKind.ModelMissing) is { } missing)
            return missing.FailureDetail;
        if (AwaitsTranslations || FromCache.Count > 0 || Units.Any(unit => unit.HasBody && Answers[unit.Index].Succeeded))
            return null;
        return $"no part of the article could be translated: {Answers.Values.First(result => !result.Succeeded).FailureDetail}";
    }

    /// <summary>Takes in the extracted glossary and re-keys the units, whose prompts and keys carry its entries.</summary>
    public void ApplyGlossary(ImmutableArray<GlossaryEntry> extracted, PlanSettings settings)
    {
        Glossary = ArticleGlossary.Merge(extracted, Glossary);
        GlossaryPending = false;
        Units = [.. Units.Select(unit => Unit(unit.Index, unit.Pieces, unit.Work.Context, glossaryRetry: false, settings))];
    }

    /// <summary>For a new round after the article ended with gaps: failed and partly translated answers are forgotten, finished ones kept.</summary>
    public void ForgetIncompleteAnswers()
    {
        foreach (var index in Answers.Where(pair => !pair.Value.Complete).Select(pair => pair.Key).ToList())
            Answers.Remove(index);
        GlossaryRetries = [];
        RetryAnswers.Clear();
        GlossaryChecked = false;
        GlossaryWarnings.Clear();
    }

    /// <summary>After a conflicting write: our answers, plus any the stored copy has that we lack.</summary>
    public void MergeFrom(ArticlePlan stored)
    {
        // Answers are by unit index: they only mean the same under the same units.
        if (!stored.Units.Select(unit => unit.Key).SequenceEqual(Units.Select(unit => unit.Key)))
            return;
        foreach (var (index, result) in stored.Answers)
            Answers.TryAdd(index, result);
        foreach (var (index, result) in stored.RetryAnswers)
            RetryAnswers.TryAdd(index, result);
    }

    /// <summary>The paragraphs' context as their prompts carry it: the end of the paragraph before.</summary>
    private string? ContextOf(int paragraph, PlanSettings settings) =>
        paragraph == 0 ? null : NeighbourContext.Before(Paragraphs[paragraph - 1], settings.Translation.ContextChars);
}
