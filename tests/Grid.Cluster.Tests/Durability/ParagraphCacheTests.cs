using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// The paragraph cache through a two-silo cluster: a story republished with a new first and last
/// paragraph pays for those (and, with the context in the key, for the paragraph after the new first
/// one, whose context changed), never for the rest, whatever chunks the paragraphs fall in (at the
/// default budget the chunks of the two texts differ, so the chunk cache alone would pay again).
/// </summary>
public sealed class ParagraphCacheTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AStoryRepublishedWithANewFirstAndLastParagraphPaysOnlyForThoseAndTheParagraphWhoseContextChanged(bool contextInKey)
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0 },
            settings: new Dictionary<string, string?>
            {
                ["Grid:Translation:ContextInCacheKey"] = contextInKey.ToString(),
                // The default budget: several paragraphs share a chunk, so a changed paragraph changes its chunk's key.
                ["Grid:Articles:ChunkTokens"] = "600",
            });
        var paragraphs = SharedParagraphArticles.Generate(count: 3, paragraphs: 8, sharedShare: 0, seed: contextInKey ? 21 : 22);
        var story = paragraphs[0];
        List<string> republished = [paragraphs[1][0], .. story[1..^1], paragraphs[2][0]];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var first = await grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page(story)));
        Assert.Equal(ArticleStatus.Completed, (await grid.Grid.WaitAsync(first.Id!, cancellationToken: timeout.Token)).Status);
        var asked = grid.Emulator.Requests.Count;

        var again = await grid.Grid.SubmitAsync(new ArticleSubmission(SharedParagraphArticles.Page(republished)));
        var article = await grid.Grid.WaitAsync(again.Id!, cancellationToken: timeout.Token);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.All(article.Paragraphs, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph.Ar), GridSettings.Collapse(paragraph.En!)));
        var sources = grid.Emulator.Requests.Skip(asked).Where(request => request.Served && request.Task == "translation").Select(request => request.LastUserMessage!).ToList();
        var paid = Enumerable.Range(0, republished.Count).Where(index => sources.Any(source => source.Contains(republished[index]))).ToList();
        List<int> expected = contextInKey ? [0, 1, republished.Count - 1] : [0, republished.Count - 1];
        Assert.Equal(expected, paid);
        Assert.Equal(republished.Count - expected.Count, article.Usage.CachedParagraphs);
        // Each paragraph paid for once: no request carries a paragraph another one did.
        Assert.Equal(expected.Count, sources.Sum(source => republished.Count(source.Contains)));
    }

    [Fact]
    public async Task AWireCopyWhoseGlossaryLacksANameOfASharedParagraphGetsThatParagraphFromTheCopyWithTheName()
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0 },
            settings: new Dictionary<string, string?> { ["Grid:Translation:ContextInCacheKey"] = "false" });
        const string shared = "وقال كيربي في مؤتمر صحفي إن الوفد العراقي وصل إلى واشنطن مساء الخميس لبحث الملفات الأربعة.";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        // The first copy names Kirby twice and its glossary says how; the second names him only in the shared paragraph and has no entry for him.
        var first = await grid.Grid.SubmitAsync(new ArticleSubmission(
            $"أعلن كيربي أن الاجتماع سيعقد في البنتاغون اليوم.\n\n{shared}", Glossary: [new GlossaryEntry("كيربي", "Kirby", "person")]));
        var firstArticle = await grid.Grid.WaitAsync(first.Id!, cancellationToken: timeout.Token);
        Assert.Equal(ArticleStatus.Completed, firstArticle.Status);
        var asked = grid.Emulator.Requests.Count;

        var second = await grid.Grid.SubmitAsync(new ArticleSubmission($"نقلت وكالات الأنباء عن مصادر رسمية تفاصيل الزيارة.\n\n{shared}"));
        var article = await grid.Grid.WaitAsync(second.Id!, cancellationToken: timeout.Token);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.Empty(article.Glossary);
        var sources = grid.Emulator.Requests.Skip(asked).Where(request => request.Served && request.Task == "translation").Select(request => request.LastUserMessage!).ToList();
        Assert.DoesNotContain(sources, source => source.Contains(shared));
        Assert.Equal(1, article.Usage.CachedParagraphs);
        Assert.Equal(firstArticle.Paragraphs[1].En, article.Paragraphs[1].En);
        Assert.Contains("Kirby", article.Paragraphs[1].En);
    }
}
