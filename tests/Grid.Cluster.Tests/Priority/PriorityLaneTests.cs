using Grid.Abstractions.Articles;
using Grid.Client;
using Grid.Cluster.Tests.Api;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Options;

namespace Grid.Cluster.Tests.Priority;

/// <summary>
/// Waiting LLM work on a one-slot backend: a breaking story submitted behind an import of two hundred articles is
/// served first, and one owner's import of fifty does not keep another owner's few articles waiting.
/// </summary>
public sealed class PriorityLaneTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Slow enough that nothing finishes while the backlog is submitted: the first call holds the one slot.</summary>
    private const double Crawling = 1;

    /// <summary>Fast enough to work through the backlog in seconds once it is all in line.</summary>
    private const double Racing = 20_000;

    [Fact]
    public async Task AHighPriorityArticleSubmittedBehindTwoHundredLowOnesFinishesBeforeAllButAHandfulOfThem()
    {
        await using var grid = await StartOneSlotGridAsync();
        var low = await SubmitAsync(grid, "import", ArticlePriority.Low, seeds: Enumerable.Range(0, 200));
        var high = Assert.Single(await SubmitAsync(grid, "editor", ArticlePriority.High, seeds: [5000]));
        await WaitUntilDispatchedAsync(grid, high);

        grid.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = Racing });
        var finished = await FinishedAsync(grid, high);

        var lowBefore = await CountFinishedBeforeAsync(grid, low, finished);
        Assert.True(lowBefore <= 5, $"{lowBefore} of the 200 low-priority articles finished before the high-priority one");
    }

    [Fact]
    public async Task AnotherOwnersFewArticlesAreNotStarvedByAnImportOfFiftyAtTheSamePriority()
    {
        await using var grid = await StartOneSlotGridAsync();
        var import = await SubmitAsync(grid, "archive-import", ArticlePriority.Normal, seeds: Enumerable.Range(0, 50));
        var newsroom = await SubmitAsync(grid, "newsroom", ArticlePriority.Normal, seeds: Enumerable.Range(7000, 3));
        foreach (var id in newsroom)
            await WaitUntilDispatchedAsync(grid, id);

        grid.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = Racing });
        var lastOfNewsroom = DateTimeOffset.MinValue;
        foreach (var id in newsroom)
        {
            var finished = await FinishedAsync(grid, id);
            lastOfNewsroom = finished > lastOfNewsroom ? finished : lastOfNewsroom;
        }

        // First come, first served, the newsroom's articles would finish after every article of the import.
        var importBefore = await CountFinishedBeforeAsync(grid, import, lastOfNewsroom);
        Assert.True(importBefore <= 10, $"{importBefore} of the 50 imported articles finished before the newsroom's third");
    }

    private static async Task<EmulatedGrid> StartOneSlotGridAsync()
    {
        var grid = await EmulatedGrid.StartAsync(silos: 1, emulatorOptions: new EmulatorOptions { Slots = 1, TokensPerSecond = Crawling }, settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:0:Slots"] = "1",
        });
        return grid;
    }

    /// <summary>Submits small articles (a title and one paragraph) as <paramref name="owner"/>, the way a client configured with that owner does.</summary>
    private static async Task<IReadOnlyList<string>> SubmitAsync(EmulatedGrid grid, string owner, ArticlePriority priority, IEnumerable<int> seeds)
    {
        var client = new GridClient(grid.Client, Options.Create(new GridClientOptions { Owner = owner }));
        var results = await client.SubmitManyAsync(seeds.Select(seed => new ArticleSubmission(GeneratedArticle.FromSeed(seed, paragraphs: 1).Text, Priority: priority)));
        return [.. results.Select(result => Assert.IsType<SubmitReceipt>(result).Id)];
    }

    /// <summary>The article has sent its work to its chunk grains: it is in line for the slot behind the import.</summary>
    private static async Task WaitUntilDispatchedAsync(EmulatedGrid grid, string id)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while ((await grid.Grid.GetProgressAsync(id))?.Status is not ArticleStatus.Translating)
        {
            Assert.False(deadline.IsCancellationRequested, $"article {id} was not dispatched within {Patience}");
            await Task.Delay(50);
        }
    }

    private static async Task<DateTimeOffset> FinishedAsync(EmulatedGrid grid, string id)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var view = await grid.Grid.WaitAsync(id, cancellationToken: deadline.Token);
        Assert.Equal(ArticleStatus.Completed, view.Status);
        return view.FinishedAt!.Value;
    }

    private static async Task<int> CountFinishedBeforeAsync(EmulatedGrid grid, IEnumerable<string> ids, DateTimeOffset moment)
    {
        var views = await Task.WhenAll(ids.Select(id => grid.Grid.GetAsync(id)));
        return views.Count(view => view?.FinishedAt is { } finished && finished < moment);
    }
}
