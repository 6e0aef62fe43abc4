using Grid.Abstractions.Articles;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Tests.Text;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Pool;

/// <summary>An endpoint killed in the middle of a batch: the batch completes on the other, and the dead one comes back into rotation when it returns.</summary>
public sealed class EndpointFailoverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AKilledEndpointLeavesRotationTheBatchCompletesOnTheOtherAndItIsUsedAgainWhenItReturns()
    {
        var options = new EmulatorOptions { Slots = 2, TokensPerSecond = 400 };
        var doomed = await OllamaEmulatorServer.StartAsync(options);
        var doomedUrl = doomed.BaseAddress.ToString();
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: options, settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:1:Url"] = doomedUrl,
            ["Grid:Llm:Endpoints:1:Slots"] = "2",
            ["Grid:Llm:CircuitBreakTime"] = "00:00:00.500",
            ["Grid:Llm:CircuitMaxBreakTime"] = "00:00:02",
        });
        var doomedSlots = grid.Client.GetGrain<ILlmSlotGrain>(doomedUrl);
        using var patience = new CancellationTokenSource(Patience);

        var firstBatch = await SubmitAsync(grid, seeds: 0..6);
        await doomed.WaitUntilAsync(stats => stats.TranslationRequests >= 2, patience.Token);
        await doomed.DisposeAsync();
        var results = await Task.WhenAll(firstBatch.Select(id => grid.Grid.WaitAsync(id, cancellationToken: patience.Token)));

        Assert.All(results, article => Assert.Equal(ArticleStatus.Completed, article.Status));
        Assert.All(results, article => Assert.All(article.Paragraphs, paragraph => Assert.NotNull(paragraph.En)));
        Assert.NotEqual(CircuitState.Closed, (await doomedSlots.GetUsageAsync()).Circuit);

        await using var returned = await OllamaEmulatorServer.StartAsync(options, doomed.BaseAddress.Port, patience.Token);
        var secondBatch = await SubmitAsync(grid, seeds: 100..106);
        await returned.WaitUntilAsync(stats => stats.Outcome(RequestOutcomes.Ok) >= 2, patience.Token);
        results = await Task.WhenAll(secondBatch.Select(id => grid.Grid.WaitAsync(id, cancellationToken: patience.Token)));

        Assert.All(results, article => Assert.Equal(ArticleStatus.Completed, article.Status));
        Assert.Equal(CircuitState.Closed, (await doomedSlots.GetUsageAsync()).Circuit);
    }

    private static async Task<IReadOnlyList<string>> SubmitAsync(EmulatedGrid grid, Range seeds)
    {
        var receipts = await Task.WhenAll(Enumerable.Range(seeds.Start.Value, seeds.End.Value - seeds.Start.Value)
            .Select(seed => grid.Grid.SubmitAsync(new ArticleSubmission(Article(seed)))));
        return [.. receipts.Select(receipt => receipt.Id!)];
    }

    private static string Article(int seed)
    {
        var random = new ArabicArticleGenerator(2000 + seed);
        return string.Join("\n\n", [random.Title(), .. Enumerable.Range(0, 10).Select(_ => random.Paragraph(maxSentenceWords: 30).Text)]);
    }
}
