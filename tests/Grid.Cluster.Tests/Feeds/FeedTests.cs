using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Feeds;

/// <summary>Feeds followed by a real silo (SQLite file storage) from a real RSS feed on this machine.</summary>
public sealed class FeedTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    private FeedFollowingGrid _feeds = null!;

    public async Task InitializeAsync() => _feeds = await FeedFollowingGrid.StartAsync();

    public async Task DisposeAsync() => await _feeds.DisposeAsync();

    [Fact]
    public async Task ThreeItemsThenAFourthThenTheFeedReorderedWithOneDroppedMakeExactlyFourArticles()
    {
        _feeds.Site.List(1, 2, 3);
        var id = await FollowAsync("1h");
        await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles", Patience);

        _feeds.Site.List(1, 2, 3, 4);
        await PollAsync(id);
        await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 4 && feed.Settled(), "four articles", Patience);

        _feeds.Site.List(4, 2, 1);
        var fetches = _feeds.Site.FeedFetches;
        await PollAsync(id);
        var feed = await _feeds.Http.WaitForFeedAsync(id, feed => _feeds.Site.FeedFetches > fetches && feed["lastOutcome"]?.GetValue<string>() == "no new items", "a poll with no new items", Patience);

        Assert.Equal(4, feed.Int("articlesMade"));
        Assert.Equal(4, feed.Int("itemsSeen"));
        Assert.Null(feed["lastError"]);
        var articles = feed["recentArticles"]!.AsArray().Select(article => article!.GetValue<string>()).ToList();
        Assert.Equal(4, articles.Distinct().Count());
        foreach (var article in articles)
            Assert.Equal("completed", (await _feeds.Http.WaitUntilFinishedAsync(article, Patience))["status"]!.GetValue<string>());
        Assert.All(Enumerable.Range(1, 4), number => Assert.Equal(1, _feeds.Site.StoryFetches(number)));
    }

    [Fact]
    public async Task ASiloRestartBetweenPollsPollsOnFromItsReminderAndDuplicatesNothing()
    {
        _feeds.Site.List(1, 2, 3);
        var id = await FollowAsync("1s");
        var made = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles", Patience);
        // Their pages fetched before the stop: a page still being fetched when the silo stops is fetched again after it.
        foreach (var article in made["recentArticles"]!.AsArray())
            await _feeds.Http.WaitUntilFinishedAsync(article!.GetValue<string>(), Patience);

        await _feeds.StopSiloAsync();
        _feeds.Site.List(3, 1, 2, 4);
        var fetches = _feeds.Site.FeedFetches;
        await _feeds.StartSiloAsync();

        // No poll asked for: the feed's reminder (registered again when the silo started) brings the fourth story.
        var feed = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 4, "four articles after the restart", Patience);
        await _feeds.Http.WaitForFeedAsync(id, _ => _feeds.Site.FeedFetches >= fetches + 3, "polls going on after the restart", Patience);

        Assert.Equal(4, feed.Int("itemsSeen"));
        Assert.All(Enumerable.Range(1, 4), number => Assert.Equal(1, _feeds.Site.StoryFetches(number)));
        var list = (await _feeds.Http.GetFromJsonAsync<JsonObject>("/api/articles?pageSize=100"))!;
        Assert.Equal(4, list["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task AFeedAnswering304CostsNoFetchOfItsItems()
    {
        _feeds.Site.List(1, 2, 3);
        var id = await FollowAsync("1h");
        var made = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles", Patience);
        foreach (var article in made["recentArticles"]!.AsArray())
            await _feeds.Http.WaitUntilFinishedAsync(article!.GetValue<string>(), Patience);
        var stories = Enumerable.Range(1, 3).Sum(_feeds.Site.StoryFetches);

        await PollAsync(id);
        var feed = await _feeds.Http.WaitForFeedAsync(id, feed => _feeds.Site.NotModifiedAnswers == 1 && feed["lastOutcome"]?.GetValue<string>() == "not modified", "a 304", Patience);

        Assert.Equal(1, _feeds.Site.ConditionalRequests);
        Assert.Equal(stories, Enumerable.Range(1, 3).Sum(_feeds.Site.StoryFetches));
        Assert.Equal(3, feed.Int("articlesMade"));
        Assert.Null(feed["lastError"]);
    }

    [Fact]
    public async Task ABrokenFeedShowsItsErrorBacksOffAndRecovers()
    {
        _feeds.Site.List(1, 2, 3);
        _feeds.Site.Break();
        var id = await FollowAsync("1m");

        var broken = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("failures") == 1 && feed.Settled(), "a failed poll", Patience);
        Assert.Contains("500", broken["lastError"]!.GetValue<string>());
        Assert.Equal("failed", broken["lastOutcome"]!.GetValue<string>());
        var lastPoll = broken["lastPollAt"]!.GetValue<DateTimeOffset>();
        // Backed off past the interval: a minute doubled.
        Assert.True(broken["nextPollAt"]!.GetValue<DateTimeOffset>() - lastPoll >= TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, broken.Int("articlesMade"));

        _feeds.Site.Mend();
        await PollAsync(id);
        var mended = await _feeds.Http.WaitForFeedAsync(id, feed => feed.Int("articlesMade") == 3 && feed.Settled(), "three articles once mended", Patience);

        Assert.Null(mended["lastError"]);
        Assert.Equal(0, mended.Int("failures"));
    }

    [Fact]
    public async Task FollowingTheSameFeedAgainIsTheSameFeedAndDeletingItStopsIt()
    {
        _feeds.Site.List(1);
        var id = await FollowAsync("1h");
        using var again = await _feeds.Http.PostAsJsonAsync("/api/feeds", new { url = _feeds.Site.FeedUrl.ToString() + "#again", every = "2h" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>());
        var listed = (await _feeds.Http.GetFromJsonAsync<JsonArray>("/api/feeds"))!;
        Assert.Equal("02:00:00", Assert.Single(listed)!["every"]!.GetValue<string>());

        using var deleted = await _feeds.Http.DeleteAsync($"/api/feeds/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await _feeds.Http.GetAsync($"/api/feeds/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty((await _feeds.Http.GetFromJsonAsync<JsonArray>("/api/feeds"))!);
        using var poll = await _feeds.Http.PostAsync($"/api/feeds/{id}/poll", null);
        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
    }

    [Theory]
    [InlineData("""{ "url": "file:///etc/passwd" }""", HttpStatusCode.UnprocessableEntity, "http or https")]
    [InlineData("""{ "url": "http://example.com/rss", "every": "soon" }""", HttpStatusCode.BadRequest, "'every'")]
    [InlineData("""{ "every": "1h" }""", HttpStatusCode.BadRequest, "'url' is missing")]
    public async Task AFeedThatCannotBeFollowedGetsAProblemSayingWhy(string body, HttpStatusCode status, string reason)
    {
        using var posted = await _feeds.Http.PostAsync("/api/feeds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, posted.StatusCode);
        Assert.Equal("application/problem+json", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, (await posted.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Empty((await _feeds.Http.GetFromJsonAsync<JsonArray>("/api/feeds"))!);
    }

    private async Task<string> FollowAsync(string every)
    {
        using var posted = await _feeds.Http.PostAsJsonAsync("/api/feeds", new { url = _feeds.Site.FeedUrl.ToString(), every });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var feed = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"/api/feeds/{feed["id"]}", posted.Headers.Location!.OriginalString);
        return feed["id"]!.GetValue<string>();
    }

    private async Task PollAsync(string id)
    {
        using var polled = await _feeds.Http.PostAsync($"/api/feeds/{id}/poll", null);
        Assert.Equal(HttpStatusCode.Accepted, polled.StatusCode);
    }
}
