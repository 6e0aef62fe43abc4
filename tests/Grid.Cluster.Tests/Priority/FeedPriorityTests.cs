using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.Cluster.Tests.Feeds;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Priority;

/// <summary>A feed's priority: given when it is followed, shown with the feed, and inherited by every article it makes.</summary>
public sealed class FeedPriorityTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private readonly TemporaryFolder _folder = new();
    private FeedSite _site = null!;
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _site = await FeedSite.StartAsync();
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await GridSiloHost.StartAsync(FeedSettings.For(_emulator.BaseAddress, _folder.File("grid.db")));
        _http = _silo.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
        await _site.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AFeedFollowedAtLowPriorityShowsItAndEveryArticleItMakesIsLow()
    {
        _site.List(1, 2);
        using var posted = await _http.PostAsJsonAsync("/api/feeds", new { url = _site.FeedUrl.ToString(), every = "1h", priority = "low" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var feed = await _http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 2 && feed.Settled(), "two articles", Patience);

        Assert.Equal("low", feed["priority"]!.GetValue<string>());
        foreach (var article in feed["recentArticles"]!.AsArray().Select(article => article!.GetValue<string>()))
            Assert.Equal("low", (await _http.WaitUntilFinishedAsync(article, Patience))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFeedWithAnUnknownPriorityIsA400ProblemNamingTheAllowedOnes()
    {
        using var posted = await _http.PostAsJsonAsync("/api/feeds", new { url = _site.FeedUrl.ToString(), priority = "asap" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var detail = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains("'priority' is 'asap': use high, normal or low", detail);
    }
}
