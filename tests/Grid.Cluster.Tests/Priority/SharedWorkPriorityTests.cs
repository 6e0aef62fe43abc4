using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Client;
using Grid.Cluster.Tests.Api;
using Grid.OllamaEmulator;
using Microsoft.Extensions.Options;

namespace Grid.Cluster.Tests.Priority;

/// <summary>
/// Work two articles share is paid once, and waits for its slot in the lane of the higher-priority one: a breaking
/// story that needs a paragraph (or a chunk) a low-priority article already has in line behind a backlog does not
/// wait behind that backlog.
/// </summary>
public sealed class SharedWorkPriorityTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Slow enough that nothing finishes while the backlog is submitted: the first call holds the one slot.</summary>
    private const double Crawling = 1;

    /// <summary>Fast enough to work through the backlog in seconds once it is all in line.</summary>
    private const double Racing = 20_000;

    private const int Backlog = 60;

    [Fact]
    public async Task AHighPriorityArticleSharingAParagraphWithALowOneQueuedBehindABacklogFinishesBeforeTheBacklog()
    {
        await using var grid = await StartOneSlotGridAsync();
        var backlog = await SubmitAsync(grid, "import", ArticlePriority.Low, [.. Enumerable.Range(0, Backlog).Select(seed => GeneratedArticle.FromSeed(seed, paragraphs: 1))]);
        var lowOne = GeneratedArticle.FromSeed(9100, paragraphs: 1);
        var low = Assert.Single(await SubmitAsync(grid, "import", ArticlePriority.Low, [lowOne]));
        await WaitUntilDispatchedAsync(grid, low);

        // Another title over the same paragraph: the paragraph is the low article's to translate (it claimed it first).
        var breaking = lowOne with { Title = GeneratedArticle.FromSeed(9101, paragraphs: 1).Title };
        var high = Assert.Single(await SubmitAsync(grid, "editor", ArticlePriority.High, [breaking]));
        await WaitUntilDispatchedAsync(grid, high);

        grid.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = Racing });
        var finished = await FinishedAsync(grid, high);

        var backlogBefore = await CountFinishedBeforeAsync(grid, backlog, finished);
        Assert.True(backlogBefore <= 5, $"{backlogBefore} of the {Backlog} low-priority articles queued before the shared paragraph finished before the high-priority article");
        // The backlog's summaries queue behind the shared paragraph either way: what shows the raise is that the paragraph
        // went to the backend before the backlog's translations (one slot: the backend receives requests in grant order).
        var sharedAt = ServedAt(grid, lowOne.Paragraphs[0]);
        Assert.True(sharedAt <= 5, $"{sharedAt} requests were served before the shared paragraph, most of them the backlog's");
        // The paragraph came from the low article's answer, not from a second call.
        var view = (await grid.Grid.GetAsync(high))!;
        Assert.False(string.IsNullOrEmpty(Assert.Single(view.Paragraphs).En));
        Assert.Equal(1, view.Usage.CachedParagraphs);
    }

    [Fact]
    public async Task AChunkJoinedByAHighPriorityRequestWhileItWaitsLowBehindABacklogIsTranslatedBeforeTheBacklog()
    {
        await using var grid = await StartOneSlotGridAsync();
        var grains = grid.Client;
        var backlog = Enumerable.Range(0, Backlog).Select(i => $"backlog-{i}").ToList();
        foreach (var (key, i) in backlog.Select((key, i) => (key, i)))
            await grains.GetGrain<IChunkTranslationGrain>(key).StartAsync(Request(GeneratedArticle.FromSeed(i, paragraphs: 1).Paragraphs[0], $"import-{i}", ArticlePriority.Low, "import"));
        var shared = grains.GetGrain<IChunkTranslationGrain>("shared-chunk");
        var text = GeneratedArticle.FromSeed(9200, paragraphs: 1).Paragraphs[0];
        // Returns once its request waits in this silo for a turn at the slot grain: the backlog fills the line there.
        Assert.Null(await shared.StartAsync(Request(text, "import-last", ArticlePriority.Low, "import")));

        // Joins the job in flight (nothing is paid twice) and raises it to its lane.
        Assert.Null(await shared.StartAsync(Request(text, "breaking", ArticlePriority.High, "editor")));
        grid.Emulator.UpdateSettings(settings => settings with { TokensPerSecond = Racing });
        await Poll.UntilAsync("the shared chunk to be translated", async () => await shared.GetResultAsync() is not null, Patience);

        var sharedAt = ServedAt(grid, text);
        Assert.True(sharedAt <= 3, $"{sharedAt} of the {Backlog} low-priority chunks queued before the shared one were served before it");
    }

    /// <summary>
    /// How many requests the backend received before the one carrying <paramref name="arabic"/>, which it received once.
    /// With one slot in the cluster, the backend receives the requests in the order the slot was granted.
    /// </summary>
    private static int ServedAt(EmulatedGrid grid, string arabic)
    {
        var served = grid.Emulator.Stats.Recent.Where(request => request.Kind == RequestKinds.Chat).Select(request => request.LastUserMessage ?? "").ToList();
        Assert.Equal(1, served.Count(message => message.Contains(arabic, StringComparison.Ordinal)));
        return served.FindIndex(message => message.Contains(arabic, StringComparison.Ordinal));
    }

    private static ChunkTranslationRequest Request(string text, string article, ArticlePriority priority, string owner) =>
        new(text, Segments: 1, RequestedBy: article, Priority: priority, Owner: owner);

    private static Task<EmulatedGrid> StartOneSlotGridAsync() =>
        EmulatedGrid.StartAsync(silos: 1, emulatorOptions: new EmulatorOptions { Slots = 1, TokensPerSecond = Crawling }, settings: new Dictionary<string, string?>
        {
            ["Grid:Llm:Endpoints:0:Slots"] = "1",
        });

    /// <summary>Submits articles as <paramref name="owner"/>, the way a client configured with that owner does.</summary>
    private static async Task<IReadOnlyList<string>> SubmitAsync(EmulatedGrid grid, string owner, ArticlePriority priority, IReadOnlyList<GeneratedArticle> articles)
    {
        var client = new GridClient(grid.Client, Options.Create(new GridClientOptions { Owner = owner }));
        var results = await client.SubmitManyAsync(articles.Select(article => new ArticleSubmission(article.Text, Priority: priority)));
        return [.. results.Select(result => Assert.IsType<SubmitReceipt>(result).Id)];
    }

    /// <summary>The article has sent its work to its chunk grains: it is in line for the slot behind the backlog.</summary>
    private static Task WaitUntilDispatchedAsync(EmulatedGrid grid, string id) =>
        Poll.UntilAsync($"article {id} to be dispatched", async () => (await grid.Grid.GetProgressAsync(id))?.Status is ArticleStatus.Translating, Patience);

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
