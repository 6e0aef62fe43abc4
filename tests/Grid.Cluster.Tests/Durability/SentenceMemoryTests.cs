using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Tests.Text;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// The sentence memory through a two-silo cluster: an article whose paragraphs are new combinations of sentences another
/// article paid for costs no translation call, each paragraph reading its own sentences' English in order; with the memory
/// off, or the context in the cache key, the same article pays for its paragraphs.
/// </summary>
public sealed class SentenceMemoryTests
{
    [Theory]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    public async Task AnArticleRecombiningSentencesAnotherPaidForIsServedFromTheSentenceMemoryOnlyWhereItIsUsed(bool contextInKey, bool sentenceMemory, bool served)
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0 },
            settings: new Dictionary<string, string?>
            {
                ["Grid:Translation:ContextInCacheKey"] = contextInKey.ToString(),
                ["Grid:Translation:SentenceMemory"] = sentenceMemory.ToString(),
                ["Grid:Articles:ChunkTokens"] = "600",
            });
        var generator = new ArabicArticleGenerator(31);
        var s = Enumerable.Range(0, 6).Select(_ => generator.Sentence(generator.Next(10, 12)).TrimEnd('.', '!', '؟', '?') + ".").ToArray();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // A title without Arabic reads as it is: the only translations are the paragraphs'.
        var first = await grid.Grid.SubmitAsync(new ArticleSubmission($"{s[0]} {s[1]} {s[2]}\n\n{s[3]} {s[4]} {s[5]}", Title: "A visit"));
        Assert.Equal(ArticleStatus.Completed, (await grid.Grid.WaitAsync(first.Id!, cancellationToken: timeout.Token)).Status);
        if (served)
            await WaitUntilRememberedAsync(grid, s, timeout.Token);
        var asked = grid.Emulator.Requests.Count;

        string[] recombined = [$"{s[2]} {s[0]}", $"{s[5]} {s[3]} {s[4]}", s[1]];
        var again = await grid.Grid.SubmitAsync(new ArticleSubmission(string.Join("\n\n", recombined), Title: "Another visit"));
        var article = await grid.Grid.WaitAsync(again.Id!, cancellationToken: timeout.Token);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.Equal(recombined, article.Paragraphs.Select(paragraph => paragraph.Ar));
        Assert.All(article.Paragraphs, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En!)));
        var translations = grid.Emulator.Requests.Skip(asked).Count(request => request.Served && request.Task == "translation");
        Assert.Equal(served ? 0 : 1, translations);
        Assert.Equal(served ? recombined.Length : 0, article.Usage.CachedParagraphs);
    }

    /// <summary>
    /// Each paragraph of the second article holds the sentences of one of the first's, in another order: whichever article
    /// claims the first of them (claims are taken in key order) translates its paragraph, the other waits and is served.
    /// A paragraph holding sentences of several others could not be spared a call (never a call per sentence), so none is here.
    /// </summary>
    [Fact]
    public async Task TwoArticlesWhoseParagraphsReorderTheSameSentencesSubmittedTogetherPayForEachSentenceOnce()
    {
        // Answers that take a while: both articles ask the memory while the first translation is still running.
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 200 },
            settings: new Dictionary<string, string?> { ["Grid:Translation:ContextInCacheKey"] = "false", ["Grid:Articles:ChunkTokens"] = "600" });
        var generator = new ArabicArticleGenerator(32);
        var s = Enumerable.Range(0, 6).Select(_ => generator.Sentence(generator.Next(10, 12)).TrimEnd('.', '!', '؟', '?') + ".").ToArray();
        string[] first = [$"{s[0]} {s[1]} {s[2]}", $"{s[3]} {s[4]} {s[5]}"];
        string[] second = [$"{s[2]} {s[0]} {s[1]}", $"{s[5]} {s[3]} {s[4]}"];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var receipts = await Task.WhenAll(
            grid.Grid.SubmitAsync(new ArticleSubmission(string.Join("\n\n", first), Title: "A visit")),
            grid.Grid.SubmitAsync(new ArticleSubmission(string.Join("\n\n", second), Title: "Another visit")));
        var articles = await Task.WhenAll(receipts.Select(receipt => grid.Grid.WaitAsync(receipt.Id!, cancellationToken: timeout.Token)));

        Assert.All(articles, article => Assert.Equal(ArticleStatus.Completed, article.Status));
        Assert.All(articles.SelectMany(article => article.Paragraphs), paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En!)));
        var sources = grid.Emulator.Requests.Where(request => request.Served && request.Task == "translation").Select(request => request.LastUserMessage!).ToList();
        Assert.All(s, sentence => Assert.Equal(1, sources.Count(source => source.Contains(sentence))));
        Assert.Equal(2, articles.Sum(article => article.Usage.CachedParagraphs));
    }

    /// <summary>
    /// The sentences of a paragraph are claimed in key order, and no further than one another article holds: with the lower
    /// key held elsewhere the article holds no claim on the higher (else two articles could each hold a part of the other's).
    /// The higher one no one translates: waiting would spare nothing, so the article translates the paragraph.
    /// </summary>
    [Fact]
    public async Task AnArticleClaimsItsSentencesInKeyOrderAndNoFurtherThanOneAnotherHolds()
    {
        // A slow first token: the paragraph's translation is still out when its sentences are looked at.
        await using var grid = await EmulatedGrid.StartAsync(emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0, TtftMs = 3000 },
            settings: new Dictionary<string, string?> { ["Grid:Translation:ContextInCacheKey"] = "false", ["Grid:Articles:ChunkTokens"] = "600" });
        var generator = new ArabicArticleGenerator(33);
        var pair = Enumerable.Range(0, 2).Select(_ => generator.Sentence(generator.Next(10, 12)).TrimEnd('.', '!', '؟', '?') + ".")
            .Select(sentence => (Sentence: sentence, Key: KeyOf(sentence))).OrderBy(sentence => sentence.Key, StringComparer.Ordinal).ToArray();
        var (low, high) = (grid.Client.GetGrain<ISentenceTranslationGrain>(pair[0].Key), grid.Client.GetGrain<ISentenceTranslationGrain>(pair[1].Key));
        Assert.Equal(ParagraphLookupKind.Yours, (await low.ClaimAsync("other", [], TimeSpan.FromMinutes(10))).Kind);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // The higher key first in the text: asked in the text's order, it would be claimed before the lower one is found held.
        var article = await grid.Grid.SubmitAsync(new ArticleSubmission($"{pair[1].Sentence} {pair[0].Sentence}", Title: generator.Title()));
        // Translating: the lookups are done and the units sent.
        await UntilAsync(async () => (await grid.Grid.GetProgressAsync(article.Id!))!.Status == ArticleStatus.Translating, timeout.Token);

        Assert.Equal(ParagraphLookupKind.Yours, (await high.ClaimAsync("probe", [], TimeSpan.FromSeconds(1))).Kind);
        await high.ReleaseAsync("probe");
        var view = await grid.Grid.WaitAsync(article.Id!, cancellationToken: timeout.Token);
        Assert.Equal(ArticleStatus.Completed, view.Status);
        Assert.Equal(GridSettings.ExpectedEnglish(view.Paragraphs[0].Ar), GridSettings.Collapse(view.Paragraphs[0].En!));
    }

    private static string KeyOf(string sentence) => SentenceKey.For(sentence, TranslationMode.Fast, "qwen2.5:7b", TranslationPrompt.Version);

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!await condition())
            await tick.WaitForNextTickAsync(cancellationToken);
    }

    /// <summary>The first article's sentences reach their grains one way: wait until every one is kept, rather than for a time.</summary>
    private static async Task WaitUntilRememberedAsync(EmulatedGrid grid, string[] sentences, CancellationToken cancellationToken)
    {
        var grains = sentences.Select(sentence => grid.Client.GetGrain<ISentenceTranslationGrain>(KeyOf(sentence))).ToList();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while ((await Task.WhenAll(grains.Select(grain => grain.FindAsync([])))).Any(found => found is null))
            await tick.WaitForNextTickAsync(cancellationToken);
    }
}
