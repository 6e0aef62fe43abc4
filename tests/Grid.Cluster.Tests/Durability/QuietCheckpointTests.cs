using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Storage;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Cluster.Tests.Durability;

/// <summary>An unfinished article's timer ticks many times while it waits; only the ticks that change something write.</summary>
public sealed class QuietCheckpointTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task AnArticleWaitingOnASlowBackendWritesItsStateOnlyWhenItChanges()
    {
        CountingGrainStorage? storage = null;
        var settings = new Dictionary<string, string?> { ["Grid:Llm:Endpoints:0:Slots"] = "4", ["Grid:Articles:WatchdogPeriod"] = Period.ToString() };
        await using var grid = await EmulatedGrid.StartAsync(new EmulatorOptions { Slots = 4, TokensPerSecond = 50 }, settings: settings, configure: builder =>
            builder.Services.DecorateGrainStorage(GridStorage.Articles, (_, inner) => storage = new CountingGrainStorage(inner)));
        var silo = grid.Silo;
        using var http = silo.CreateClient();
        var article = GeneratedArticle.FromSeed(1430);
        var id = ContentHash.Of(article.Text);
        var chunks = GridSettings.ChunkKeys(article.Text).Count;
        var articleGrain = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IArticleGrain>(id).GetGrainId();

        var waiting = Stopwatch.StartNew();
        using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
        waiting.Stop();

        // Stored, glossary, dispatched, each chunk's answer, summarizing, finished: the changes, with room for a few more.
        // The answers and the status moving on are gathered for a moment (Grid:Articles:SaveWindow), so they may share writes;
        // the submission, the glossary and the finished state are written each on its own.
        var changes = chunks + 8;
        var ticks = (int)(waiting.Elapsed / Period);
        Assert.True(ticks >= 3 * changes, $"The backend answered in {waiting.Elapsed}: too fast for {3 * changes} timer ticks, so the test shows nothing.");
        var writes = storage!.Writes("article", articleGrain);
        Assert.InRange(writes, 3, changes);
    }
}
