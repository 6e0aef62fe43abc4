using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Feeds;
using Grid.Cluster.Tests.Pages;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Cli;

/// <summary>The real <c>grid</c> process following a feed and submitting a page by URL, over HTTP and through the gateway.</summary>
public sealed class GridCliFeedsTests : IAsyncLifetime
{
    private FeedSite _feeds = null!;
    private NewsSite _pages = null!;
    private GridOnDisk _disk = null!;
    private GridSiloHost _silo = null!;

    private string Url => _silo.Address.ToString();

    public async Task InitializeAsync()
    {
        _feeds = await FeedSite.StartAsync();
        _pages = await NewsSite.StartAsync();
        _disk = await GridOnDisk.StartAsync(new EmulatorOptions { Slots = 2, TokensPerSecond = 0 });
        _silo = await _disk.StartSiloAsync(FeedSettings.Following);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _disk.DisposeAsync();
        await _pages.DisposeAsync();
        await _feeds.DisposeAsync();
    }

    [Fact]
    public async Task FeedsAddListShowPollAndRemoveFollowAFeedToItsArticles()
    {
        _feeds.List(1, 2);

        var added = await GridCliProcess.RunAsync("feeds", "add", _feeds.FeedUrl.ToString(), "--every", "1h", "--json", "--url", Url);
        Assert.True(added.ExitCode == 0, added.Output + added.Errors);
        var id = JsonNode.Parse(added.Output)!["id"]!.GetValue<string>();

        using var http = _silo.CreateClient();
        await http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 2 && feed.Settled(), "two articles", TimeSpan.FromMinutes(1));
        var list = await GridCliProcess.RunAsync("feeds", "list", "--url", Url);
        Assert.True(list.ExitCode == 0, list.Output + list.Errors);
        Assert.Contains($"{id}  {_feeds.FeedUrl}  every 01:00:00  2 articles", list.Output);

        _feeds.List(1, 2, 3);
        var polled = await GridCliProcess.RunAsync("feeds", "poll", id, "--gateway-port", _silo.GatewayPort.ToString());
        Assert.True(polled.ExitCode == 0, polled.Output + polled.Errors);
        await http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles", TimeSpan.FromMinutes(1));
        var shown = await GridCliProcess.RunAsync("feeds", "show", id, "--url", Url);
        Assert.True(shown.ExitCode == 0, shown.Output + shown.Errors);
        Assert.Contains("articles     3", shown.Output);
        Assert.Contains("items seen   3", shown.Output);

        var removed = await GridCliProcess.RunAsync("feeds", "remove", id, "--url", Url);
        Assert.True(removed.ExitCode == 0, removed.Output + removed.Errors);
        var gone = await GridCliProcess.RunAsync("feeds", "show", id, "--url", Url);
        Assert.Equal(3, gone.ExitCode);
    }

    [Fact]
    public async Task SubmitWithAPageUrlHasTheServerFetchAndTranslateIt()
    {
        var submitted = await GridCliProcess.RunAsync("submit", _pages.UrlOf(NewsSite.Windows1256Page).ToString(), "--wait", "--json", "--url", Url);

        Assert.True(submitted.ExitCode == 0, submitted.Output + submitted.Errors);
        var article = Assert.Single(JsonNode.Parse(submitted.Output)!.AsArray())!;
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.StartsWith(PageArticles.Windows1256TitleStart, article["title"]!["ar"]!.GetValue<string>());
        Assert.Equal(PageArticles.Windows1256ParagraphStarts.Length, article["paragraphs"]!.AsArray().Count);
        Assert.Equal(1, _pages.Hits(NewsSite.Windows1256Page));
    }
}
