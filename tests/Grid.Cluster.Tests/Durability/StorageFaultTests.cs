using Grid.Abstractions.Articles;
using Grid.Grains;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

public sealed class StorageFaultTests : IAsyncLifetime
{
    private GridTestCluster _grid = null!;

    public async Task InitializeAsync() =>
        _grid = await GridTestCluster.StartAsync(1, new EmulatorOptions { Slots = 2, TokensPerSecond = 0 }, silo =>
        {
            GridTestCluster.InMemory(silo);
            silo.AddMemoryGrainStorage("reliable-articles");
            // Every third article write fails: each must be retried, and the article must say so.
            silo.Services.AddKeyedSingleton<IGrainStorage>(GridStorage.Articles, (services, _) =>
                new FlakyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("reliable-articles"), write => write % 3 == 0));
        });

    public async Task DisposeAsync() => await _grid.DisposeAsync();

    [Fact]
    public async Task AFailedStateWriteIsRetriedAndShownNotLost()
    {
        var receipt = await _grid.Grid.SubmitAsync(new ArticleSubmission(SampleArticles.Seed));
        var article = await _grid.Grid.WaitAsync(receipt.Id!);

        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.All(article.Paragraphs, paragraph => Assert.NotNull(paragraph.En));
        Assert.Contains(article.Warnings, warning => warning.StartsWith("Saving progress failed and was retried") && warning.Contains("injected storage failure"));
    }
}
