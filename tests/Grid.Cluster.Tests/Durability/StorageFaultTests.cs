using Grid.Abstractions.Articles;
using Grid.Grains;
using Grid.OllamaEmulator;
using Grid.Grains.Storage;

namespace Grid.Cluster.Tests.Durability;

public sealed class StorageFaultTests : IAsyncLifetime
{
    private EmulatedGrid _grid = null!;

    public async Task InitializeAsync() =>
        _grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 }, configure: silo =>
            // Every third article write fails: each must be retried, and the article must say so.
            silo.Services.DecorateGrainStorage(GridStorage.Articles, (_, reliable) => new FlakyGrainStorage(reliable, write => write % 3 == 0)));

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
