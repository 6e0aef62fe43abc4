using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Grains;
using Grid.Grains.Articles;
using Grid.Grains.Storage;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// The shards of the unfinished index on a real silo and a SQLite file: what was tracked before shards, or under
/// another shard count, is found again after a restart, and an id without an article is dropped.
/// </summary>
public sealed class UnfinishedShardTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private GridOnDisk _disk = null!;

    public async Task InitializeAsync() => _disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    public async Task DisposeAsync() => await _disk.DisposeAsync();

    [Fact]
    public async Task AnArticleTheWatchdogKeptBeforeShardsIsHandedOverAndFinishedAfterARestart()
    {
        var id = ContentHash.Of(GeneratedArticle.FromSeed(1420).Text);
        await using (var silo = await StartAsync(shards: 16, refuseFinished: true))
        {
            await StoreUnfinishedAsync(silo, GeneratedArticle.FromSeed(1420));
            // What a silo from before shards left: the article in the single watchdog's set, no shard, no directory.
            var storage = Storage(silo);
            var legacy = new GrainState<ArticleWatchdogState>(new());
            await storage.ReadStateAsync("watchdog", WatchdogId(silo), legacy);
            legacy.State = new ArticleWatchdogState { Unfinished = [id] };
            await storage.WriteStateAsync("watchdog", WatchdogId(silo), legacy);
            var shard = new GrainState<UnfinishedArticleShardState>(new());
            await storage.ReadStateAsync("unfinished", Shard(silo, id, 16).GetGrainId(), shard);
            Assert.Contains(id, shard.State!.Unfinished);
            shard.State = new UnfinishedArticleShardState();
            await storage.WriteStateAsync("unfinished", Shard(silo, id, 16).GetGrainId(), shard);
        }

        await using var restarted = await StartAsync(shards: 16, refuseFinished: false);
        await PollAsync("the article the old watchdog kept to be stored finished", () => StoredFinishedAsync(restarted, id));
        Assert.Empty(await Grains(restarted).Singleton<IArticleWatchdogGrain>().GetUnfinishedAsync());
        await PollAsync("the finished article to leave its shard", async () => !(await Shard(restarted, id, 16).GetUnfinishedAsync()).Contains(id));
    }

    [Fact]
    public async Task AnArticleTrackedUnderAnotherShardCountIsHandedOverAndFinishedAfterARestart()
    {
        var article = GeneratedArticle.FromSeed(1421);
        var id = ContentHash.Of(article.Text);
        await using (var silo = await StartAsync(shards: 3, refuseFinished: true))
        {
            await StoreUnfinishedAsync(silo, article);
            Assert.Contains(id, await Shard(silo, id, 3).GetUnfinishedAsync());
        }

        await using var restarted = await StartAsync(shards: 7, refuseFinished: false);
        await PollAsync("the article tracked under 3 shards to be stored finished", () => StoredFinishedAsync(restarted, id));
        foreach (var key in UnfinishedShards.All(3))
            Assert.Empty(await Grains(restarted).GetGrain<IUnfinishedArticleShardGrain>(key).GetUnfinishedAsync());
        await PollAsync("the finished article to leave its shard", async () => !(await Shard(restarted, id, 7).GetUnfinishedAsync()).Contains(id));
    }

    [Fact]
    public async Task AnIdWithoutAnArticleIsDroppedByTheSweepAndAnUnfinishedArticleIsKept()
    {
        await using var silo = await StartAsync(shards: 1, refuseFinished: true);
        var article = GeneratedArticle.FromSeed(1422);
        var id = ContentHash.Of(article.Text);
        await StoreUnfinishedAsync(silo, article);
        var shard = Shard(silo, "deleted-or-never-stored", 1);
        await shard.TrackAsync("deleted-or-never-stored");

        Assert.Equal(1, await shard.SweepAsync(TimeSpan.Zero));
        Assert.Equal(id, Assert.Single(await shard.GetUnfinishedAsync()));
    }

    /// <summary>Submits an article whose end is refused by storage: stored unfinished, and tracked as such.</summary>
    private static async Task StoreUnfinishedAsync(GridSiloHost silo, GeneratedArticle article)
    {
        using var http = silo.CreateClient();
        var id = ContentHash.Of(article.Text);
        using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
        await PollAsync("the article to say its end is not saved", async () =>
            (await http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!["warnings"]!.AsArray().Any(warning => warning!.GetValue<string>().StartsWith("Progress is not saved yet")));
        Assert.False(await StoredFinishedAsync(silo, id));
    }

    /// <summary>Read from storage, not from the grain: asking the article would activate it, and the sweep is what must.</summary>
    private static async Task<bool> StoredFinishedAsync(GridSiloHost silo, string id)
    {
        var stored = new GrainState<ArticleState>(new());
        await Storage(silo).ReadStateAsync("article", Grains(silo).GetGrain<IArticleGrain>(id).GetGrainId(), stored);
        return stored.State is { Exists: true, Finished: true };
    }

    private Task<GridSiloHost> StartAsync(int shards, bool refuseFinished)
    {
        var settings = new Dictionary<string, string?> { ["Grid:Articles:UnfinishedShards"] = shards.ToString() };
        return _disk.StartSiloAsync(settings, builder =>
            builder.Services.DecorateGrainStorage(GridStorage.Articles, (_, inner) =>
                new RefusingGrainStorage(inner) { Refuse = refuseFinished ? state => state is ArticleState { Finished: true } : null }));
    }

    private static IGrainFactory Grains(GridSiloHost silo) => silo.Services.GetRequiredService<IGrainFactory>();

    private static IGrainStorage Storage(GridSiloHost silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(GridStorage.Articles);

    private static GrainId WatchdogId(GridSiloHost silo) => Grains(silo).Singleton<IArticleWatchdogGrain>().GetGrainId();

    private static IUnfinishedArticleShardGrain Shard(GridSiloHost silo, string id, int shards) => UnfinishedShards.Of(Grains(silo), id, shards);

    private static Task PollAsync(string what, Func<Task<bool>> condition) => Poll.UntilAsync(what, condition, Patience);
}
