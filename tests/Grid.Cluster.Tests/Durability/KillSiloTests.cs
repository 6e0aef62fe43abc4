using Grid.Abstractions.Articles;
using Grid.Grains;
using Grid.Grains.Articles;
using Grid.Grains.Storage;
using Grid.OllamaEmulator;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Grid.Cluster.Tests.Durability;

/// <summary>A silo dies mid-translation: its articles are re-driven elsewhere from their last checkpoint.</summary>
public sealed class KillSiloTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync()
    {
        // Stored where a cluster of several nodes stores: what the killed silo saved, the others read.
        _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 150 }, silos: 3,
            settings: new Dictionary<string, string?> { ["Grid:Storage"] = "Redis" });
    }

    public async Task DisposeAsync()
    {
        await _grid.DisposeAsync();
    }

    [Fact]
    public async Task KillingTheSiloThatHoldsArticlesMidTranslationLosesNoArticleAndRedoesOnlyWhatWasInFlight()
    {
        var texts = SharedParagraphArticles.Generate(count: 8, paragraphs: 4, sharedShare: 0, seed: 21).Select(SharedParagraphArticles.Page).ToList();
        var uniqueChunks = texts.SelectMany(text => GridSettings.ChunkKeys(text)).Distinct().Count();
        var receipts = await Task.WhenAll(texts.Select(text => _grid.Grid.SubmitAsync(new ArticleSubmission(text))));

        await _grid.Emulator.WaitUntilAsync(stats => stats.TranslationRequests >= uniqueChunks / 3);
        var victim = await SiloHoldingMostArticlesAsync();
        var saved = await TranslatedParagraphsAsync(receipts.Select(receipt => receipt.Id!));
        await _grid.Silo.KillSiloAsync(victim);
        var killOver = DateTimeOffset.UtcNow;

        var articles = await Task.WhenAll(receipts.Select(receipt => WaitThroughFailoverAsync(receipt.Id!)));

        Assert.All(articles, article =>
        {
            Assert.Equal(ArticleStatus.Completed, article.Status);
            Assert.All(article.Paragraphs, paragraph => Assert.NotNull(paragraph.En));
        });
        var translations = _grid.Emulator.Stats.TranslationRequests;
        var atRisk = WorkAtRisk.Count(_grid.Emulator.Requests, saved, killOver);
        output.WriteLine($"{articles.Length} articles, {uniqueChunks} unique chunks, {translations} translation calls, {saved.Count} paragraphs saved and {atRisk} requests not known saved at the kill");
        Assert.NotEmpty(saved);
        Assert.True(translations <= uniqueChunks + atRisk,
            $"{translations} translation calls for {uniqueChunks} unique chunks with {atRisk} not known saved at the kill");
        Assert.DoesNotContain(_grid.Emulator.Requests, request => request.ReceivedAt > killOver && WorkAtRisk.IsTranslation(request) && WorkAtRisk.Carries(request, saved));
    }

    /// <summary>The Arabic of every paragraph whose English the articles already show (so saved by its chunk grain).</summary>
    private async Task<List<string>> TranslatedParagraphsAsync(IEnumerable<string> ids)
    {
        var views = await Task.WhenAll(ids.Select(id => _grid.Grid.GetAsync(id)));
        return [.. views.SelectMany(view => view!.Paragraphs).Where(paragraph => paragraph.En is not null).Select(paragraph => paragraph.Ar)];
    }

    /// <summary>The silo with the most article activations.</summary>
    private async Task<GridSilo> SiloHoldingMostArticlesAsync()
    {
        var activations = (await _grid.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Where(activation => activation.GrainId.Type.Equals(GrainType.Create("article")))
            .ToList();
        var victim = _grid.Silo.Silos
            .OrderByDescending(silo => activations.Count(activation => activation.SiloAddress.Equals(silo.SiloAddress)))
            .First();
        Assert.Contains(activations, activation => activation.SiloAddress.Equals(victim.SiloAddress));
        return victim;
    }

    /// <summary>Reads progress until the article ends, riding out the calls that fail while the cluster notices the dead silo.</summary>
    private async Task<ArticleView> WaitThroughFailoverAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await tick.WaitForNextTickAsync(timeout.Token))
        {
            try
            {
                if (await _grid.Grid.GetAsync(id, timeout.Token) is { Status: ArticleStatus.Completed or ArticleStatus.Failed } finished)
                    return finished;
            }
            catch (Exception error) when (error is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                // The dead silo's activations are unreachable until membership declares it dead.
            }
        }
        throw new TimeoutException($"article {id} did not finish");
    }
}
