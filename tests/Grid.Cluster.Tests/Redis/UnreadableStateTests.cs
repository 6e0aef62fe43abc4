using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Abstractions;
using Grid.Abstractions.Articles;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Telemetry;
using Grid.Grains.Articles;
using Grid.Grains.Text;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Grid.Cluster.Tests.Redis;

/// <summary>A state in Redis that no longer reads (a bad write, a hand edit, a change of format) costs that state, not the grain.</summary>
public sealed class UnreadableStateTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string Garbage = "{ this is not a grain state";

    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });

    private ConnectionMultiplexer? _connection;

    private IDatabase Db => (_connection ??= ConnectionMultiplexer.Connect(redis.ConnectionString)).GetDatabase();

    public async Task DisposeAsync()
    {
        if (_connection is not null)
            await _connection.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    private static Task PollAsync(Func<Task<bool>> condition, Func<string> what) => Poll.UntilAsync(what, condition, TimeSpan.FromMinutes(1));

    [Fact]
    public async Task UnreadableCatalogArticleAndUnfinishedShardStatesAreSetAsideLoggedAndCountedAndTheGrainsWork()
    {
        var settings = GridSettings.For(_emulator.BaseAddress);
        settings["Grid:Storage"] = "Redis";
        settings["Grid:Redis"] = redis.ConnectionString;
        settings["Grid:ClusterId"] = $"grid-unreadable-{Guid.NewGuid():N}"[..28];
        var article = GeneratedArticle.FromSeed(1412);
        var id = ContentHash.Of(article.Text);
        string catalogKey, articleKey, shardKey;
        await using (var first = await GridSiloHost.StartAsync(settings))
        {
            using var http = first.CreateClient();
            using var accepted = await http.PostAsJsonAsync("/api/articles", new { text = article.Text });
            Assert.Equal("completed", (await http.WaitUntilFinishedAsync(id))["status"]!.GetValue<string>());
            var grains = first.Services.GetRequiredService<IGrainFactory>();
            catalogKey = $"{settings["Grid:ClusterId"]}/state/{grains.Singleton<IArticleCatalogGrain>().GetGrainId()}/catalog";
            articleKey = $"{settings["Grid:ClusterId"]}/state/{grains.GetGrain<IArticleGrain>(id).GetGrainId()}/article";
            shardKey = $"{settings["Grid:ClusterId"]}/state/{UnfinishedShards.Of(grains, id, new ArticleOptions().UnfinishedShards).GetGrainId()}/unfinished";
            // The catalog writes a moment after a change (Grid:Catalog:SaveDelay).
            await PollAsync(async () => await Db.KeyExistsAsync(catalogKey) && await Db.KeyExistsAsync(articleKey) && await Db.KeyExistsAsync(shardKey),
                () => $"{catalogKey} and {articleKey} to be stored; stored: {string.Join(", ", _connection!.GetServers()[0].Keys())}");
        }

        var db = Db;
        var connection = _connection!;
        foreach (var key in new[] { catalogKey, articleKey, shardKey })
            await db.HashSetAsync(key, "data", Garbage);

        var logs = new CapturedLogs();
        using var meters = new GridMeterReader();
        await using var second = await GridSiloHost.StartAsync(settings, builder => builder.Logging.AddProvider(logs));
        using var client = second.CreateClient();

        using (var list = await client.GetAsync("/api/articles"))
            Assert.True(list.StatusCode == HttpStatusCode.OK, string.Join("\n", logs.Lines.Where(line => line.Level >= LogLevel.Warning).Select(line => line.Message)));
        using (var lost = await client.GetAsync($"/api/articles/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, lost.StatusCode);

        // The watchdog's sweep runs as the silo starts: every shard's state is read then.
        await PollAsync(async () => connection.GetServers()[0].Keys(pattern: $"{shardKey}/unreadable/*").Any(), () => $"{shardKey} to be set aside");
        foreach (var key in new[] { catalogKey, articleKey, shardKey })
        {
            var kept = connection.GetServers()[0].Keys(pattern: $"{key}/unreadable/*").ToList();
            Assert.Single(kept);
            Assert.Equal(Garbage, (string?)await db.HashGetAsync(kept[0], "data"));
            Assert.Contains(logs.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains(key[(key.IndexOf("/state/") + "/state/".Length)..key.LastIndexOf('/')]) && line.Message.Contains("could not be read and was set aside"));
        }
        Assert.Equal(1, meters.Total("grid.storage.unreadable|grid.storage.state=catalog"));
        Assert.Equal(1, meters.Total("grid.storage.unreadable|grid.storage.state=article"));
        Assert.Equal(1, meters.Total("grid.storage.unreadable|grid.storage.state=unfinished"));

        using var again = await client.PostAsJsonAsync("/api/articles", new { text = article.Text });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.GetValue<bool>());
        var redone = await client.WaitUntilFinishedAsync(id);
        Assert.Equal("completed", redone["status"]!.GetValue<string>());
        Assert.Contains(redone["warnings"]!.AsArray(), warning => warning!.GetValue<string>().StartsWith("An earlier stored state of this article could not be read"));
        var listed = (await client.GetFromJsonAsync<JsonObject>("/api/articles"))!;
        Assert.Contains(listed["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == id);
        var shard = UnfinishedShards.Of(second.Services.GetRequiredService<IGrainFactory>(), id, new ArticleOptions().UnfinishedShards);
        Assert.Equal(0, await shard.SweepAsync(TimeSpan.Zero));
    }
}
