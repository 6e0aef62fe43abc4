using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Pages;

/// <summary>Articles submitted by URL (and as saved pages) from a real news site on this machine, translated through a real silo.</summary>
public sealed class PageSubmissionTests(PageSiteFixture fixture) : IClassFixture<PageSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private HttpClient Http => fixture.Http;

    private NewsSite Site => fixture.Site;

    [Fact]
    public async Task AUtf8PageByUrlIsTranslatedParagraphByParagraphWithoutItsFurniture()
    {
        var url = Site.UrlOf(NewsSite.Utf8Page).ToString();

        var (id, status) = await SubmitUrlAsync(url);
        Assert.Equal("fetching", status);
        var article = await Http.WaitUntilFinishedAsync(id, Patience);

        AssertTranslated(article, PageArticles.Utf8TitleStart, PageArticles.Utf8ParagraphStarts, PageArticles.Utf8Furniture);
        Assert.Contains("2024-03-29", article["dateLine"]!.GetValue<string>());
        Assert.Equal("كتابات", article["source"]!.GetValue<string>());
        Assert.Equal(url, article["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWindows1256PageIsDecodedByItsMetaCharsetAndTranslated()
    {
        var (id, _) = await SubmitUrlAsync(Site.UrlOf(NewsSite.Windows1256Page).ToString());

        var article = await Http.WaitUntilFinishedAsync(id, Patience);

        AssertTranslated(article, PageArticles.Windows1256TitleStart, PageArticles.Windows1256ParagraphStarts, PageArticles.Windows1256Furniture);
        Assert.Contains("2024-05-12", article["dateLine"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheSameUrlSubmittedAgainIsTheSameArticleAndIsNotFetchedAgain()
    {
        var url = Site.UrlOf(NewsSite.Redirect).ToString();
        var (id, _) = await SubmitUrlAsync(url);
        await Http.WaitUntilFinishedAsync(id, Patience);
        var fetches = Site.Hits(NewsSite.Redirect);

        using var again = await Http.PostAsJsonAsync("/api/articles", new { url = url.Replace("http://127.0.0.1", "HTTP://127.0.0.1") + "?utm_source=feed#top" });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var receipt = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, receipt["id"]!.GetValue<string>());
        Assert.True(receipt["alreadyKnown"]!.GetValue<bool>());
        Assert.Equal(fetches, Site.Hits(NewsSite.Redirect));
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task APageThatAnswers503IsFetchedAgainUntilItAnswers()
    {
        var (id, _) = await SubmitUrlAsync(Site.UrlOf(NewsSite.Flaky).ToString());

        var article = await Http.WaitUntilFinishedAsync(id, Patience);

        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.Equal(NewsSite.FlakyFailures + 1, Site.Hits(NewsSite.Flaky));
        Assert.Equal(PageArticles.Utf8ParagraphStarts.Length, article["paragraphs"]!.AsArray().Count);
    }

    public static TheoryData<string, string> Unusable() => new()
    {
        { NewsSite.Missing, "404" },
        { NewsSite.NotHtml, "not a web page: it is application/json" },
        { NewsSite.Oversized, "Grid:Pages:MaxBytes" },
        { NewsSite.FrontPage, "No article was found" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public async Task APageThatCannotBeTranslatedFailsTheArticleWithTheReason(string path, string reason)
    {
        var (id, _) = await SubmitUrlAsync(Site.UrlOf(path).ToString());

        var article = await Http.WaitUntilFinishedAsync(id, Patience);

        Assert.Equal("failed", article["status"]!.GetValue<string>());
        Assert.Contains(reason, article["failure"]!.GetValue<string>());
        Assert.Empty(article["paragraphs"]!.AsArray());
        // A 404 or a page with no article is final: asked once, not retried.
        Assert.Equal(1, Site.Hits(path));
    }

    [Fact]
    public async Task ASavedPageSentAsHtmlInItsOwnCharsetIsExtractedByTheServer()
    {
        using var content = new ByteArrayContent(NewsSite.Sample("jordan-central-bank-windows-1256.html"));
        content.Headers.ContentType = new("text/html") { CharSet = "windows-1256" };

        using var posted = await Http.PostAsync("/api/articles", content);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var article = await Http.WaitUntilFinishedAsync(id, Patience);
        AssertTranslated(article, PageArticles.Windows1256TitleStart, PageArticles.Windows1256ParagraphStarts, PageArticles.Windows1256Furniture);
    }

    [Fact]
    public async Task ASavedPageWithNoArticleIsRefusedAtOnce()
    {
        using var posted = await Http.PostAsJsonAsync("/api/articles", new { html = Encoding.UTF8.GetString(NewsSite.Sample("no-article.html")) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        var problem = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("No article was found", problem["detail"]!.GetValue<string>());
    }

    private async Task<(string Id, string Status)> SubmitUrlAsync(string url)
    {
        using var posted = await Http.PostAsJsonAsync("/api/articles", new { url });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var receipt = (await posted.Content.ReadFromJsonAsync<JsonObject>())!;
        return (receipt["id"]!.GetValue<string>(), receipt["status"]!.GetValue<string>());
    }

    /// <summary>Completed, its title kept, every body paragraph in order with its English, each sent to the LLM once, and no furniture sent at all.</summary>
    private void AssertTranslated(JsonObject article, string titleStart, string[] paragraphStarts, string[] furniture)
    {
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.StartsWith(titleStart, article["title"]!["ar"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(article["title"]!["en"]?.GetValue<string>()));
        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(paragraphStarts.Length, paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var arabic = paragraphs[i]!["ar"]!.GetValue<string>();
            Assert.StartsWith(paragraphStarts[i], arabic);
            Assert.Equal(GridSettings.ExpectedEnglish(arabic), GridSettings.Collapse(paragraphs[i]!["en"]!.GetValue<string>()));
        }
        var translations = fixture.Emulator.Requests.Where(request => request.Task == "translation").Select(request => request.LastUserMessage ?? "").ToList();
        Assert.All(paragraphStarts, start => Assert.Equal(1, translations.Count(message => message.Contains(start))));
        Assert.All(furniture, line => Assert.DoesNotContain(translations, message => message.Contains(line)));
    }
}
