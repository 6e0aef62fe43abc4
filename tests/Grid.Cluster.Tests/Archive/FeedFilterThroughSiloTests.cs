using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Cluster.Tests.Cli;
using Grid.Cluster.Tests.Feeds;
using Grid.Cluster.Tests.Http;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Archive;

/// <summary>
/// <c>GET /api/articles?feed=</c> on a real silo following a real RSS feed on this machine: the articles a feed made
/// are listed under it, and no other. Run on each store that keeps an index (SQLite here, PostgreSQL below).
/// </summary>
public abstract class FeedFilterThroughSiloTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private FeedSite _site = null!;
    private OllamaEmulatorServer _emulator = null!;
    private GridSiloHost _silo = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>The store's settings added to a node that follows feeds (<see cref="FeedSettings"/>).</summary>
    protected abstract Task StoreAsync(Dictionary<string, string?> settings);

    public virtual async Task InitializeAsync()
    {
        _site = await FeedSite.StartAsync();
        _emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        var settings = FeedSettings.For(_emulator.BaseAddress, "unused.db");
        await StoreAsync(settings);
        _silo = await GridSiloHost.StartAsync(settings);
        Http = _silo.CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await _silo.DisposeAsync();
        await _emulator.DisposeAsync();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task TheArticlesAFeedMadeAreListedUnderItAndNoOthers()
    {
        _site.List(1, 2);
        using var posted = await Http.PostAsJsonAsync("/api/feeds", new { url = _site.FeedUrl.ToString(), every = "1h" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var feed = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var made = await Http.WaitForFeedAsync(feed, state => state.Int("articlesMade") == 2 && state.Settled(), "two articles", Patience);
        var fromFeed = made["recentArticles"]!.AsArray().Select(article => article!.GetValue<string>()).ToList();
        foreach (var article in fromFeed)
            await Http.WaitUntilFinishedAsync(article, Patience);
        using var submitted = await Http.PostAsJsonAsync("/api/articles", new { text = GeneratedArticle.FromSeed(4242).Text });
        var own = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await Http.WaitUntilFinishedAsync(own, Patience);

        var listed = new List<string>();
        string? next = $"/api/articles?feed={Uri.EscapeDataString(feed)}&pageSize=1";
        while (next is not null)
        {
            var page = (await Http.GetFromJsonAsync<JsonObject>(next))!;
            Assert.Equal(2, page["total"]!.GetValue<int>());
            Assert.All(page["items"]!.AsArray(), item => Assert.Equal(feed, item!["feed"]!.GetValue<string>()));
            listed.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            next = page["next"]?.GetValue<string>();
            Assert.True(next is null || next.Contains($"feed={Uri.EscapeDataString(feed)}"), next);
        }

        Assert.Equal(fromFeed.Order(), listed.Order());
        var everything = (await Http.GetFromJsonAsync<JsonObject>("/api/articles?pageSize=100"))!;
        Assert.Equal(3, everything["total"]!.GetValue<int>());
        Assert.Null(everything["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == own)!["feed"]);
        Assert.Equal(0, (await Http.GetFromJsonAsync<JsonObject>("/api/articles?feed=no-such-feed"))!["total"]!.GetValue<int>());
        var cli = await GridCliProcess.RunAsync("list", "--feed", feed, "--json", "--url", _silo.Address.ToString());
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Errors);
        Assert.Equal(fromFeed.Order(), JsonNode.Parse(cli.Output)!["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()).Order());
    }
}
