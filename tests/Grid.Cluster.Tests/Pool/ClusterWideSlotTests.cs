using Grid.Abstractions.Articles;
using Grid.Grains.Tests.Text;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pool;

/// <summary>
/// An endpoint's slots hold for the whole cluster: three silos translating many chunks at once never
/// send an emulator more requests than its slots, and keep every slot of every emulator busy.
/// </summary>
public sealed class ClusterWideSlotTests
{
    private const int SlotsPerEmulator = 2;

    [Fact]
    public async Task ThreeSilosKeepTwoEmulatorsOfTwoSlotsFullButNeverAboveTheirSlots()
    {
        // Slow enough that every chunk is still running when the next ones ask for a slot.
        var emulatorOptions = new EmulatorOptions { Slots = SlotsPerEmulator, TokensPerSecond = 400 };
        await using var second = await OllamaEmulatorServer.StartAsync(emulatorOptions);
        await using var grid = await EmulatedGrid.StartAsync(silos: 3, emulatorOptions: emulatorOptions, settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:1:Url"] = second.BaseAddress.ToString(),
            ["Grid:Llm:Endpoints:1:Slots"] = SlotsPerEmulator.ToString(),
        });
        var articles = Enumerable.Range(0, 8).Select(Article).ToList();

        var receipts = await Task.WhenAll(articles.Select(text => grid.Grid.SubmitAsync(new ArticleSubmission(text))));
        var results = await Task.WhenAll(receipts.Select(receipt => grid.Grid.WaitAsync(receipt.Id!)));

        Assert.All(results, article => Assert.Equal(ArticleStatus.Completed, article.Status));
        foreach (var emulator in new[] { grid.Emulator, second })
        {
            var stats = emulator.Stats;
            Assert.Equal(SlotsPerEmulator, stats.MaxConcurrent);
            Assert.Equal(0, stats.MaxQueued);
            Assert.Equal(0, stats.Outcome(RequestOutcomes.Busy));
            Assert.True(stats.TranslationRequests > 10, $"{emulator.BaseAddress} served only {stats.TranslationRequests} translations");
        }
    }

    private static string Article(int seed)
    {
        var random = new ArabicArticleGenerator(1000 + seed);
        return string.Join("\n\n", [random.Title(), .. Enumerable.Range(0, 12).Select(_ => random.Paragraph(maxSentenceWords: 30).Text)]);
    }
}
