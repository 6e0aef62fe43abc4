using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Feeds;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Priority;

/// <summary>A feed's priority: given when it is followed, shown with the feed, and inherited by every article it makes.</summary>
public sealed class FeedPriorityTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private FeedFollowingGrid _feeds = null!;

    public async Task InitializeAsync() => _feeds = await FeedFollowingGrid.StartAsync();

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    [Fact]
    public async Task AFeedFollowedAtLowPriorityShowsItAndEveryArticleItMakesIsLow()
    {
        _feeds.Site.List(1, 2);
        using var posted = await _feeds.Http.PostAsJsonAsync("/api/feeds", new { url = _feeds.Site.FeedUrl.ToString(), every = "1h", priority = "low" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var feed = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 2 && feed.Settled(), "two articles", Patience);

        Assert.Equal("low", feed["priority"]!.GetValue<string>());
        foreach (var article in feed["recentArticles"]!.AsArray().Select(article => article!.GetValue<string>()))
            Assert.Equal("low", (await _feeds.Http.WaitUntilFinishedAsync(article, Patience))["priority"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFeedWithAnUnknownPriorityIsA400ProblemNamingTheAllowedOnes()
    {
        using var posted = await _feeds.Http.PostAsJsonAsync("/api/feeds", new { url = _feeds.Site.FeedUrl.ToString(), priority = "asap" });

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var detail = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>();
        Assert.Contains("'priority' is 'asap': use high, normal or low", detail);
    }
}
