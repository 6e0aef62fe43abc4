using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Articles;

/// <summary>Articles planned as the grain plans them, and answers shaped like a chunk grain's.</summary>
internal static class PlannedArticles
{
    public const string Id = "a1";
    public const string Model = "model";
    public static readonly LlmUsage OneCall = new(1, 300, 100, 500);

    /// <summary>An article of <paramref name="paragraphs"/> short paragraphs, one per unit (20 tokens hold one, not two).</summary>
    public static ArticleState Article(int paragraphs, string? title = null, TranslationOptions? translation = null)
    {
        var body = Enumerable.Range(1, paragraphs).Select(i => $"فقرة رقم {i} من المقال عن الاجتماع في بغداد.");
        var state = ArticleDraft.Create(new ArticleSubmission(string.Join("\n\n", body), Title: title), Options(20), Model, translation).State!;
        Assert.Equal(paragraphs, state.Plan!.ChunksTotal);
        return state;
    }

    public static ArticleState Article(string text, int chunkTokens = 600, TranslationOptions? translation = null) =>
        ArticleDraft.Create(new ArticleSubmission(text), Options(chunkTokens), Model, translation).State!;

    public static ArticleOptions Options(int chunkTokens) => new() { ChunkTokens = chunkTokens };

    public static PlanSettings Settings(int chunkTokens = 600, TranslationOptions? translation = null) =>
        PlanSettings.From(Options(chunkTokens), Model, translation ?? new TranslationOptions());

    /// <summary>What the emulator would answer: each segment's English names its Arabic, so a pairing can be checked.</summary>
    public static ChunkTranslationResult Answer(PlanUnit unit, string producedFor) =>
        new([.. unit.Pieces.Select(piece => English(piece.Arabic))], OneCall, producedFor, StartedAt: DateTimeOffset.UtcNow);

    public static string English(string arabic) => $"EN[{arabic}]";

    public static ChunkTranslationResult Failed(LlmFailureKind kind) =>
        new([], LlmUsage.None, Id, kind, kind == LlmFailureKind.ModelMissing ? "model missing" : "backend down", StartedAt: DateTimeOffset.UtcNow);

    /// <summary>Answers every pending unit as made for this article.</summary>
    public static void AnswerAll(ArticleState article)
    {
        foreach (var item in article.Plan!.PendingWork())
            article.Record(item.Key, Answer(UnitOf(article, item), article.Payer(Id)), Id);
    }

    public static PlanUnit UnitOf(ArticleState article, WorkItem item) =>
        article.Plan!.Units.Concat(article.Plan.GlossaryRetries).First(unit => unit.Key == item.Key);

    /// <summary>Past the glossary call (an extraction that found nothing new) and a paragraph cache that answered nothing.</summary>
    /// <param name="chunkTokens">The budget the article was planned with (<see cref="Article(int, string?, TranslationOptions?)"/> plans with 20).</param>
    public static ArticleState Ready(ArticleState article, int chunkTokens = 20, TranslationOptions? translation = null)
    {
        if (article.Plan!.GlossaryPending)
            article.Plan.ApplyGlossary([], Settings(chunkTokens, translation));
        article.Plan.FillFromCache(new Dictionary<int, string>(), Settings(chunkTokens, translation));
        return article;
    }

    public static ImmutableArray<GlossaryEntry> Entries(params (string Source, string English)[] entries) =>
        [.. entries.Select(entry => new GlossaryEntry(entry.Source, entry.English, "person", GlossaryOrigin.User))];
}
