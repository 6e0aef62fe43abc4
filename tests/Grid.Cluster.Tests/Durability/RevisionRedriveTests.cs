using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Articles;
using Grid.Grains.Storage;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// A revision accepted (stored, answered 202) whose silo dies before any of its work is done: the article had left the
/// watchdog's index when revision 1 finished, so only the revision's own tracking brings it back. A silo started on the
/// same file must find it through the unfinished shards' sweep (nothing else asks for the article) and finish it.
/// </summary>
public sealed class RevisionRedriveTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private GridOnDisk _disk = null!;

    public async Task InitializeAsync() => _disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _disk.DisposeAsync();

    [Fact]
    public async Task ARevisionWhoseSiloDiedBeforeItsWorkIsPickedUpByTheWatchdogAfterARestart()
    {
        const string Id = "revised-then-crashed";
        var generated = SharedParagraphArticles.Generate(count: 2, paragraphs: 6, sharedShare: 0, seed: 57);
        List<string> first = generated[0], second = [.. generated[0][..3], generated[1][0], .. generated[0][4..]];

        await using (var silo = await _disk.StartSiloAsync())
        {
            using var http = silo.CreateClient();
            using (var posted = await http.PostAsJsonAsync("/api/articles", new { text = SharedParagraphArticles.Page(first), id = Id }))
                Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            Assert.Equal("completed", (await http.WaitUntilFinishedAsync(Id, Patience))["status"]!.GetValue<string>());
            await Poll.UntilAsync("revision 1's end to take the article out of the watchdog's index", async () => !(await ShardOf(silo).GetUnfinishedAsync()).Contains(Id), Patience);

            // From here no LLM answer comes back: nothing of revision 2 can be done before the silo dies.
            _disk.Emulator.UpdateSettings(settings => settings with { FaultHang = 1 });
            using (var put = await http.PutAsJsonAsync($"/api/articles/{Id}", new { text = SharedParagraphArticles.Page(second) }))
            {
                Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
                Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!.GetValue<int>());
            }
            Assert.Equal((2, false), await StoredAsync(silo));
            await silo.KillSiloAsync(silo.Silos[0]);
        }
        _disk.Emulator.UpdateSettings(settings => settings with { FaultHang = 0 });

        await using var restarted = await _disk.StartSiloAsync();
        // Read from storage, not from the article: asking it would activate it, and the watchdog's sweep is what must.
        await Poll.UntilAsync("revision 2 to be finished by the restarted silo's watchdog", async () => await StoredAsync(restarted) == (2, true), Patience);

        using var reader = restarted.CreateClient();
        var article = (await reader.GetFromJsonAsync<JsonObject>($"/api/articles/{Id}"))!;
        Assert.Equal(("completed", 2), (article["status"]!.GetValue<string>(), article["revision"]!.GetValue<int>()));
        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(second, paragraphs.Select(paragraph => paragraph!["ar"]!.GetValue<string>()));
        Assert.All(paragraphs, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph!["ar"]!.GetValue<string>()), GridSettings.Collapse(paragraph["en"]!.GetValue<string>())));
    }

    private static IUnfinishedArticleShardGrain ShardOf(GridSiloHost silo) =>
        UnfinishedShards.Of(silo.Services.GetRequiredService<IGrainFactory>(), "revised-then-crashed", silo.Services.GetRequiredService<IOptions<ArticleOptions>>().Value.UnfinishedShards);

    /// <summary>The article's revision and whether it is finished, as stored.</summary>
    private static async Task<(int Revision, bool Finished)> StoredAsync(GridSiloHost silo)
    {
        var stored = new GrainState<ArticleState>(new());
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await silo.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Articles).ReadStateAsync("article", grains.GetGrain<IArticleGrain>("revised-then-crashed").GetGrainId(), stored);
        return (stored.State!.CurrentRevision, stored.State.Finished);
    }
}
