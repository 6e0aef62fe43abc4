using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Feeds;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Tests.Articles;
using Grid.Grains.Translation;
using Grid.Grains.Webhooks;

namespace Grid.Grains.Tests.Storage;

/// <summary>
/// One state of every kind Grid stores, as it looks in use (an article mid-way: glossary, a paragraph from the cache,
/// claims, a long paragraph cut in pieces, answers, a wait for a backend, an older revision), at fixed times. Their
/// lines as Orleans' serializer wrote them are kept in Stored/ (<see cref="StoredStateLinesTests"/>).
/// </summary>
internal static class RealisticStates
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly ImmutableArray<GlossaryEntry> Extracted =
    [
        new("البنتاغون", "Pentagon", "organisation", GlossaryOrigin.Extracted),
        new("العراق", "Iraq", "place", GlossaryOrigin.Extracted),
        new("كيربي", "Kirby", "person", GlossaryOrigin.Extracted),
    ];

    public static IReadOnlyDictionary<string, Func<object>> All { get; } = new Dictionary<string, Func<object>>
    {
        ["article"] = Article,
        ["chunk"] = Chunk,
        ["paragraph"] = Paragraph,
        ["paragraph-before-variants"] = ParagraphBeforeVariants,
        ["sentence"] = Sentence,
        ["feed"] = Feed,
        ["feed-catalog"] = () => new FeedCatalogState { Feeds = ["f3k9", "a77q"] },
        ["catalog"] = Catalog,
        ["unfinished-shard"] = () => new UnfinishedArticleShardState { Unfinished = ["kx3f9a", "b81m2c"] },
        ["watchdog"] = () => new ArticleWatchdogState { Unfinished = ["kx3f9a"], ShardCounts = [16] },
        ["webhook-outbox-shard"] = () => new WebhookOutboxShardState { Pending = ["kx3f9a"] },
        ["webhook-outbox"] = () => new WebhookOutboxState { Pending = ["kx3f9a"], ShardCounts = [16, 32] },
        ["webhooks"] = Webhooks,
        ["slots"] = () => new LlmSlotState { LeasesMayBeOut = true },
    };

    public static ArticleState Article()
    {
        const int chunkTokens = 60;
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt"));
        var article = ArticleDraft.Create(
            new ArticleSubmission(sample, Source: "كتابات", Glossary: [new GlossaryEntry("بغداد", "Baghdad", "place")], Priority: ArticlePriority.High),
            PlannedArticles.Options(chunkTokens), PlannedArticles.Model).State!;
        (article.SubmittedAt, article.RoundStartedAt, article.Status, article.Owner) = (At, At, ArticleStatus.Translating, "newsroom");
        article.TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var settings = PlannedArticles.Settings(chunkTokens);
        article.ApplyGlossary(new Grid.Grains.Glossary.GlossaryExtraction(Extracted, PlannedArticles.OneCall, null), settings);
        article.Plan!.FillFromCache(new Dictionary<int, string> { [1] = "The Pentagon answered Iraq (from the cache)." }, settings);
        article.Plan.Claims[3] = "p:claimed-by-this-article";
        article.Plan.ClaimWaits[4] = new ParagraphWait("p:claimed-by-another", "other-article@1", At.AddMinutes(5));
        var pending = article.Plan.PendingWork();
        foreach (var item in pending.Take(3))
        {
            var unit = PlannedArticles.UnitOf(article, item);
            article.Record(item.Key, new ChunkTranslationResult(
                [.. unit.Pieces.Select(piece => PlannedArticles.English(piece.Arabic))], PlannedArticles.OneCall, article.Payer("kx3f9a"),
                StartedAt: At.AddSeconds(10), Stages: [new StageUsage(UsageStages.Translate, PlannedArticles.OneCall)]), "kx3f9a");
        }
        article.NoteBackendWait(pending[3].Key, new BackendWait(At.AddSeconds(20), "every backend is busy"));
        article.Warnings.Add("An earlier warning.");
        article.Revision = 2;
        article.RevisedAt = At.AddHours(1);
        article.ChangedParagraphs = [0, 2];
        article.IndexVersion = 7;
        article.OlderRevisions =
        [
            new ArticleRevision
            {
                Id = "kx3f9a", Revision = 1, Status = ArticleStatus.Completed, Title = new BilingualText("عنوان", "A title"),
                Paragraphs = [new ParagraphView(0, "فقرة", "A paragraph")], Summary = new ArticleSummary("Summary.", "ملخص.", ["One point."]),
                SubmittedAt = At, FinishedAt = At.AddMinutes(2),
            },
        ];
        return article;
    }

    private static ChunkTranslationState Chunk() => new()
    {
        Result = new ChunkTranslationResult(
            ["The Pentagon said.", ""], PlannedArticles.OneCall, "kx3f9a@1", Repairs: ["stripped a preamble"], StartedAt: At,
            Stages: [new StageUsage(UsageStages.Translate, PlannedArticles.OneCall), new StageUsage("critique", new LlmUsage(1, 10, 20, 30))],
            Untranslated: [new UntranslatedSegment(1, "kept failing its checks")]),
        ClaimedBySilo = "S127.0.0.1:11111:123",
        ClaimedUntil = At.AddMinutes(10),
    };

    private static ParagraphTranslationState Paragraph() => new()
    {
        Variants = [new ParagraphTranslation("Kirby said.", "kx3f9a@1", Extracted), new ParagraphTranslation("Kerby said.", "b81m2c@1", [])],
    };

    private static ParagraphTranslationState ParagraphBeforeVariants() => new() { Translation = new ParagraphTranslation("Kirby said.", "kx3f9a@1") };

    private static SentenceTranslationState Sentence() => new()
    {
        Variants = [new SentenceTranslation("Kirby said.", "kx3f9a@1", [Extracted[2]]), new SentenceTranslation("Kerby said.", "b81m2c@1", [])],
    };

    private static FeedState Feed() => new()
    {
        Url = "https://example.com/feed.xml", Every = TimeSpan.FromMinutes(15), Glossary = [Extracted[0]], Mode = TranslationMode.Reflect,
        CreatedAt = At, Title = "كتابات", ETag = "\"abc\"", LastModified = "Tue, 01 Dec 2026 09:00:00 GMT", LastPollAt = At,
        NextPollAt = At.AddMinutes(15), LastError = "timeout", Failures = 1, LastOutcome = "2 new items", Seen = ["guid-1", "guid-2"],
        ItemsSeen = 2, ArticlesMade = 2, RecentArticles = ["kx3f9a", "b81m2c"], Priority = ArticlePriority.Low,
    };

    private static ArticleCatalogState Catalog() => new()
    {
        Entries =
        {
            ["kx3f9a"] = new ArticleListItem("kx3f9a", ArticleStatus.Translating, new ChunkProgress(3, 5), new BilingualText("البنتاغون يرد على العراق", null), "كتابات", At, null, null),
            ["b81m2c"] = new ArticleListItem("b81m2c", ArticleStatus.Completed, new ChunkProgress(4, 4), new BilingualText("وزير", "The minister"), null, At, At.AddMinutes(2), null, 1, "f3k9"),
        },
    };

    private static WebhookState Webhooks() => new()
    {
        Deliveries =
        [
            new WebhookDelivery { Request = new WebhookRequest("d-1", "article.completed", "https://example.com/hook", 1, "{\"id\":\"kx3f9a\"}"), CreatedAt = At, Attempts = 2, LastStatus = 503, LastError = "busy", LastAttemptAt = At.AddSeconds(5), NextAttemptAt = At.AddSeconds(20) },
        ],
    };
}
