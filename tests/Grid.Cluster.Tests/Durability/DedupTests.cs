using System.Diagnostics;
using Grid.Abstractions.Articles;
using Grid.OllamaEmulator;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Durability;

/// <summary>Nothing paid twice: identical chunks are one translation for the whole cluster, at once or later.</summary>
public sealed class DedupTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync() => _grid = await EmulatedGrid.StartAsync(silos: 3, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task TwentyArticlesSharingParagraphsCostOneTranslationPerUniqueChunkAndResubmittingCostsNothing()
    {
        // A chunk's key includes the end of the chunk before it (its context), so a shared paragraph is a shared
        // chunk only after a shared paragraph too: the pool share is high enough for many such pairs.
        var texts = SharedParagraphArticles.Generate(count: 20, paragraphs: 8, sharedShare: 0.6, seed: 7).Select(SharedParagraphArticles.Page).ToList();
        var work = texts.SelectMany(text => GridSettings.ChunkKeys(text)).ToList();
        var unique = work.Distinct().Count();
        Assert.True(unique < work.Count * 0.85, $"the articles should share chunks: {unique} unique of {work.Count}");

        var receipts = await Task.WhenAll(texts.Select(text => _grid.Grid.SubmitAsync(new ArticleSubmission(text))));
        var articles = await Task.WhenAll(receipts.Select(receipt => _grid.Grid.WaitAsync(receipt.Id!)));

        Assert.All(articles, article => Assert.Equal(ArticleStatus.Completed, article.Status));
        Assert.Equal(unique, _grid.Emulator.Stats.TranslationRequests);
        // Each paragraph is a chunk here: what was not paid came from the chunk cache or, for articles that looked later, the paragraph cache.
        Assert.Equal(work.Count - unique, articles.Sum(article => article.Usage.CachedChunks + article.Usage.CachedParagraphs));

        var chatCalls = _grid.Emulator.Stats.Kind(RequestKinds.Chat);
        var again = await Task.WhenAll(texts.Select(text => _grid.Grid.SubmitAsync(new ArticleSubmission(text))));
        Assert.All(again, receipt => Assert.True(receipt.AlreadyKnown && receipt.Status == ArticleStatus.Completed));

        var slowest = TimeSpan.Zero;
        foreach (var receipt in again)
        {
            var read = Stopwatch.StartNew();
            Assert.NotNull(await _grid.Grid.GetAsync(receipt.Id!));
            slowest = read.Elapsed > slowest ? read.Elapsed : slowest;
        }
        output.WriteLine($"{texts.Count} articles, {work.Count} chunks, {unique} unique, {_grid.Emulator.Stats.TranslationRequests} translation calls; slowest read of a finished article {slowest.TotalMilliseconds:F1} ms");
        // Reads answer from state: no LLM call. How fast they are is the benchmark's business, not a test's.
        Assert.Equal(chatCalls, _grid.Emulator.Stats.Kind(RequestKinds.Chat));
    }

    [Fact]
    public async Task AppendingAParagraphToAFinishedArticleCostsAtMostTwoTranslationsTheGlossaryAndTheSummary()
    {
        var paragraphs = SharedParagraphArticles.Generate(count: 1, paragraphs: 9, sharedShare: 0, seed: 11)[0];
        var first = await _grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page(paragraphs.Take(8))));
        await _grid.Grid.WaitAsync(first.Id!);
        var (translations, structured, glossaries) = (_grid.Emulator.Stats.TranslationRequests, _grid.Emulator.Stats.StructuredRequests, _grid.Emulator.Stats.GlossaryRequests);

        var longer = await _grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page(paragraphs)));
        var article = await _grid.Grid.WaitAsync(longer.Id!);

        Assert.NotEqual(first.Id, longer.Id);
        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.Equal(9, article.Paragraphs.Length);
        Assert.InRange(_grid.Emulator.Stats.TranslationRequests - translations, 1, 2);
        // The longer article is another article: its glossary is extracted again (one call), then summarized.
        Assert.Equal(1, _grid.Emulator.Stats.GlossaryRequests - glossaries);
        Assert.Equal(2, _grid.Emulator.Stats.StructuredRequests - structured);
    }
}
