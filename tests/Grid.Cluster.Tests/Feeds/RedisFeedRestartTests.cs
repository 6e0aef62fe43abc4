using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.Cluster.Tests.Redis;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Feeds;

/// <summary>A feed on a Redis cluster (Redis storage, clustering and reminders) keeps polling across a restart of the cluster.</summary>
public sealed class RedisFeedRestartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private FeedSite _site = null!;
    private OllamaEmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        _site = await FeedSite.StartAsync();
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task ARestartedRedisClusterPollsTheFeedOnAndDuplicatesNothing()
    {
        var settings = GridSettings.OnRedis(_emulator.BaseAddress, redis.ConnectionString, $"grid-feeds-{Guid.NewGuid():N}"[..24], slots: 2);
        settings["Grid:Outbound:AllowPrivateNetworks"] = "true";
        settings["Grid:Feeds:MinimumEvery"] = "00:00:01";
        settings["Grid:Feeds:ReminderPeriod"] = "00:00:01";
        _site.List(1, 2, 3);

        string id;
        await using (var first = await GridSiloHost.StartAsync(settings))
        {
            using var http = first.CreateClient();
            using var posted = await http.PostAsJsonAsync("/api/feeds", new { url = _site.FeedUrl.ToString(), every = "1s" });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            var made = await http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles", Patience);
            // Their pages fetched before the stop: a page still being fetched when the silo stops is fetched again after it.
            foreach (var article in made["recentArticles"]!.AsArray())
                await http.WaitUntilFinishedAsync(article!.GetValue<string>(), Patience);
        }

        _site.List(2, 3, 4, 1);
        await using var second = await GridSiloHost.StartAsync(settings);
        using var again = second.CreateClient();
        var fed = await again.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 4 && feed.Settled(), "four articles after the restart", Patience);

        Assert.Equal(4, fed.Int("itemsSeen"));
        Assert.All(Enumerable.Range(1, 4), number => Assert.Equal(1, _site.StoryFetches(number)));
    }
}
