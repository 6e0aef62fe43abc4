using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Outages;

/// <summary>
/// A backend whose answers stall mid-stream one time in five: each stalled attempt is cut by the idle
/// deadline, both sides free their slots, and the work is retried until every article is complete.
/// </summary>
public sealed class StalledStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EveryArticleCompletesWhenAFifthOfTheAnswersStallAndNoSlotStaysHeldByAStalledCall()
    {
        var options = new EmulatorOptions { Slots = 2, TokensPerSecond = 400, FaultStall = 0.2 };
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: options, settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:RequestTimeout"] = "00:00:20",
            // Short, so that the test runs fast: a stalled answer is cut after a second of silence.
            ["Grid:Llm:StreamIdleTimeout"] = "00:00:01",
            ["Grid:Llm:FirstTokenTimeout"] = "00:00:05",
            // Every stall is an attempt: at one in five, the default three leave one call in 125 without an
            // answer; eight leave one in 390 625, so that the test does not depend on the dice.
            ["Grid:Llm:MaxAttempts"] = "8",
        });
        using var patience = new CancellationTokenSource(Patience);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(seed => grid.Grid.SubmitAsync(new ArticleSubmission(OutageArticles.Text(seed)))));
        var articles = await Task.WhenAll(receipts.Select(receipt => grid.Grid.WaitAsync(receipt.Id!, cancellationToken: patience.Token)));

        Assert.All(articles, article =>
        {
            Assert.Equal(ArticleStatus.Completed, article.Status);
            Assert.Equal(0, article.MissingParagraphs);
            Assert.All(article.Paragraphs, paragraph => Assert.NotNull(paragraph.En));
        });
        // Stalls happened, and each ended at the emulator because Grid hung up, which freed the emulator's slot.
        var stats = await grid.Emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Queued == 0, patience.Token);
        Assert.True(stats.Outcome(RequestOutcomes.FaultStall) > 0, "no answer stalled: the test proves nothing");
        Assert.All(grid.Emulator.Requests.Where(request => request.Outcome == RequestOutcomes.FaultStall), request => Assert.Equal(499, request.Status));
        Assert.InRange(stats.MaxConcurrent, 1, options.Slots);
        // Grid's slots are all free again.
        var usage = await grid.Client.GetGrain<ILlmSlotGrain>(grid.Emulator.BaseAddress.ToString()).GetUsageAsync();
        Assert.Equal(0, usage.Busy);
        Assert.Equal(0, usage.Waiting);
    }
}
