using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// Claims on paragraphs through a two-silo cluster: articles sharing paragraphs, submitted at once, pay for
/// each shared paragraph once; an article waiting on another's claim translates the paragraph itself, late,
/// when the claimant gives the claim up (deleted, or its translation failed) or never answers (the claim runs out).
/// </summary>
public sealed class ParagraphClaimTests
{
    private const string Model = "qwen2.5:7b";
    private const int ChunkTokens = 600;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ArticlesSharingParagraphsSubmittedAtOncePayForEachSharedParagraphOnce()
    {
        // Paced answers: every article looks its paragraphs up while the others' are being translated.
        await using var grid = await StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 400 });
        var articles = SharedParagraphArticles.Generate(count: 8, paragraphs: 8, sharedShare: 0.5, seed: 31);
        var shared = articles.SelectMany(paragraphs => paragraphs).GroupBy(paragraph => paragraph).Where(copies => copies.Count() > 1).Select(copies => copies.Key).ToList();
        Assert.True(shared.Count >= 4, "the articles should share paragraphs");
        using var timeout = new CancellationTokenSource(Patience);

        var receipts = await Task.WhenAll(articles.Select(paragraphs => grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page(paragraphs)))));
        var views = await Task.WhenAll(receipts.Select(receipt => FinishedAsync(grid, receipt.Id!, "an article sharing paragraphs", timeout.Token)));

        Assert.All(views, view => AssertTranslated(view));
        var sources = TranslationSources(grid);
        Assert.All(articles.SelectMany(paragraphs => paragraphs).Distinct(), paragraph =>
            Assert.True(sources.Count(source => source.Contains(paragraph)) == 1,
                $"paragraph '{paragraph[..20]}…' (in {articles.Count(a => a.Contains(paragraph))} articles) was translated {sources.Count(source => source.Contains(paragraph))} times"));
        Assert.Equal(articles.Sum(paragraphs => paragraphs.Count) - articles.SelectMany(paragraphs => paragraphs).Distinct().Count(), views.Sum(view => view.Usage.CachedParagraphs));
    }

    [Fact]
    public async Task AClaimantDeletedMidTranslationGivesItsClaimUpAndTheArticleWaitingOnItTranslatesTheParagraphItself()
    {
        // A slow first token: the claimant's chunk is still out when it is deleted. The claim's deadline (the default, minutes) is beyond the test's patience.
        await using var grid = await StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 0, TtftMs = 4000 });
        var (shared, claimantOwn, waiterOwn) = ThreeParagraphs(seed: 41);
        using var timeout = new CancellationTokenSource(Patience);

        var claimant = await grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page([shared, claimantOwn])));
        await UntilAsync(async () => (await grid.Grid.GetProgressAsync(claimant.Id!))!.Status == ArticleStatus.Translating, "the claimant translating", timeout.Token);
        var waiter = await grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page([waiterOwn, shared])));
        await UntilAsync(async () => (await grid.Grid.GetProgressAsync(waiter.Id!))!.Status == ArticleStatus.Translating, "the waiting article translating", timeout.Token);
        Assert.Equal(ArticleStatus.Translating, (await grid.Grid.GetProgressAsync(claimant.Id!))!.Status);

        Assert.True(await grid.Grid.DeleteAsync(claimant.Id!));
        var view = await FinishedAsync(grid, waiter.Id!, "the article waiting on the claim", timeout.Token);

        AssertTranslated(view);
        var sources = TranslationSources(grid);
        // The waiting article never packed the shared paragraph with its own: it sent it alone, late, once the claim was given up.
        Assert.Contains(sources, source => source.Contains(shared) && !source.Contains(waiterOwn) && !source.Contains(claimantOwn));
        Assert.DoesNotContain(sources, source => source.Contains(shared) && source.Contains(waiterOwn));
    }

    [Fact]
    public async Task AClaimGivenUpAfterAFailedTranslationLetsTheArticleWaitingOnItTranslateTheParagraphAtOnce()
    {
        await using var grid = await StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 0 });
        var (shared, _, waiterOwn) = ThreeParagraphs(seed: 42);
        var page = SharedParagraphArticles.Page([waiterOwn, shared]);
        // A claimant whose translation fails gives its claim up, as an article does (ArticlePlan.SettleClaims): here the test is that claimant.
        var cache = grid.Client.GetGrain<IParagraphTranslationGrain>(KeyOf(page, 1));
        Assert.Equal(ParagraphLookupKind.Yours, (await cache.ClaimAsync("failing-claimant", [], TimeSpan.FromMinutes(10))).Kind);
        using var timeout = new CancellationTokenSource(Patience);

        var waiter = await grid.Grid.SubmitAsync(new ArticleSubmission(page));
        await UntilAsync(async () => (await grid.Grid.GetProgressAsync(waiter.Id!))!.Status == ArticleStatus.Translating, "the waiting article translating", timeout.Token);
        await UntilAsync(() => Task.FromResult(TranslationSources(grid).Any(source => source.Contains(waiterOwn))), "the waiting article's own paragraph sent", timeout.Token);
        Assert.DoesNotContain(TranslationSources(grid), source => source.Contains(shared));
        Assert.Null((await grid.Grid.GetAsync(waiter.Id!))!.Paragraphs[1].En);

        await cache.ReleaseAsync("failing-claimant");
        var view = await FinishedAsync(grid, waiter.Id!, "the article waiting on the claim", timeout.Token);

        AssertTranslated(view);
        Assert.Single(TranslationSources(grid), source => source.Contains(shared));
    }

    [Fact]
    public async Task AClaimWhoseClaimantNeverAnswersRunsOutAndTheArticleWaitingOnItTranslatesTheParagraphItself()
    {
        var deadline = TimeSpan.FromSeconds(3);
        await using var grid = await StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 0 }, claimDeadline: deadline);
        var (shared, _, waiterOwn) = ThreeParagraphs(seed: 43);
        var page = SharedParagraphArticles.Page([waiterOwn, shared]);
        // A claimant that died: it claimed the paragraph and will never renew, answer or give up its claim.
        var claimedAt = DateTimeOffset.UtcNow;
        Assert.Equal(ParagraphLookupKind.Yours, (await grid.Client.GetGrain<IParagraphTranslationGrain>(KeyOf(page, 1)).ClaimAsync("dead-claimant", [], deadline)).Kind);
        using var timeout = new CancellationTokenSource(Patience);

        var waiter = await grid.Grid.SubmitAsync(new ArticleSubmission(page));
        var view = await FinishedAsync(grid, waiter.Id!, "the article waiting on the claim", timeout.Token);

        AssertTranslated(view);
        var paid = Assert.Single(grid.Emulator.Requests, request => request.Served && request.Task == "translation" && request.LastUserMessage!.Contains(shared));
        Assert.DoesNotContain(waiterOwn, paid.LastUserMessage);
        Assert.True(paid.ReceivedAt >= claimedAt + deadline, $"the paragraph was sent {paid.ReceivedAt - claimedAt} after it was claimed, before the claim ran out ({deadline})");
    }

    private static async Task<EmulatedGrid> StartAsync(EmulatorOptions emulator, TimeSpan? claimDeadline = null)
    {
        var settings = new Dictionary<string, string?>
        {
            // The default budget: several paragraphs share a chunk. A shared paragraph's key is its text alone.
            ["Grid:Articles:ChunkTokens"] = ChunkTokens.ToString(),
            ["Grid:Translation:ContextInCacheKey"] = "false",
        };
        if (claimDeadline is { } deadline)
            settings["Grid:Articles:ParagraphClaimDeadline"] = deadline.ToString();
        return await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: emulator, settings: settings);
    }

    /// <summary>A paragraph to share and one of each article's own, all different.</summary>
    private static (string Shared, string ClaimantOwn, string WaiterOwn) ThreeParagraphs(int seed)
    {
        var paragraphs = SharedParagraphArticles.Generate(count: 3, paragraphs: 1, sharedShare: 0, seed: seed).Select(article => article[0]).ToList();
        Assert.Equal(3, paragraphs.Distinct().Count());
        return (paragraphs[0], paragraphs[1], paragraphs[2]);
    }

    /// <summary>The paragraph cache key of a paragraph of an article of one chunk (no glossary call: its key is as the silo computes it).</summary>
    private static string KeyOf(string page, int paragraph)
    {
        var options = new ArticleOptions { ChunkTokens = ChunkTokens };
        var translation = new TranslationOptions { ContextInCacheKey = false };
        var plan = ArticleDraft.Create(new ArticleSubmission(page), options, Model, translation).State!.Plan!;
        Assert.False(plan.GlossaryPending);
        return plan.ParagraphKeys(PlanSettings.From(options, Model, translation)).Single(key => key.Paragraph == paragraph).Key;
    }

    private static void AssertTranslated(ArticleView view)
    {
        Assert.Equal(ArticleStatus.Completed, view.Status);
        Assert.All(view.Paragraphs, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En ?? "")));
    }

    private static List<string> TranslationSources(EmulatedGrid grid) =>
        [.. grid.Emulator.Requests.Where(request => request.Served && request.Task == "translation").Select(request => request.LastUserMessage!)];

    /// <summary>The article once finished; a wait that never ends fails by name instead of as a bare cancellation.</summary>
    private static async Task<ArticleView> FinishedAsync(EmulatedGrid grid, string id, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await grid.Grid.WaitAsync(id, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{what} ({id}) did not finish within {Patience}: it still waits ({(await grid.Grid.GetProgressAsync(id))?.Status}).");
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        while (!await condition())
        {
            if (cancellationToken.IsCancellationRequested)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }
}
