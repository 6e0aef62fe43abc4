using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Pages;

/// <summary>A page that changed becomes the article's next revision when asked with <c>PUT {"url"}</c>: fetched again, its article is the new text.</summary>
public sealed class PageRevisionTests(PageSiteFixture fixture) : IClassFixture<PageSiteFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private const string Developing = "/news/developing-story";

    /// <summary>Words the site puts in front of the second paragraph once the story develops.</summary>
    private const string Development = "وفي تطور لاحق للخبر، ";

    private HttpClient Http => fixture.Http;

    private NewsSite Site => fixture.Site;

    [Fact]
    public async Task APageThatChangedIsFetchedAgainAndItsEditedParagraphIsTheOnlyOneMarkedChanged()
    {
        var page = Encoding.UTF8.GetString(NewsSite.Sample("kitabat-pentagon-iraq.html"));
        var edited = PageArticles.Utf8ParagraphStarts[1];
        Assert.Contains(edited, page);
        var current = page;
        Site.Serve(Developing, context => Send(context, current));
        var url = Site.UrlOf(Developing).ToString();

        using var posted = await Http.PostAsJsonAsync("/api/articles", new { url });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var first = await Http.WaitUntilFinishedAsync(id, Patience);
        Assert.Equal("completed", first["status"]!.GetValue<string>());
        var translationsBefore = fixture.Emulator.Stats.TranslationRequests;

        current = page.Replace(edited, Development + edited);
        using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { url });

        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        Assert.Equal(2, (await put.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!.GetValue<int>());
        Assert.Equal(2, Site.Hits(Developing));
        var second = await Http.WaitUntilFinishedAsync(id, Patience);
        Assert.Equal(("completed", 2), (second["status"]!.GetValue<string>(), second["revision"]!.GetValue<int>()));
        var changed = second["paragraphs"]!.AsArray().Where(paragraph => paragraph!["changed"]!.GetValue<bool>()).ToList();
        Assert.StartsWith(Development.Trim(), Assert.Single(changed)!["ar"]!.GetValue<string>());
        // The edited paragraph (and, with context in the cache key, the one after it): one run, one request; the rest from the cache.
        Assert.InRange(fixture.Emulator.Stats.TranslationRequests - translationsBefore, 1, 2);
        var older = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}/revisions/1"))!;
        Assert.StartsWith(edited, older["paragraphs"]![1]!["ar"]!.GetValue<string>());
    }

    [Fact]
    public async Task APageThatIsGoneWhenAskedForANewRevisionIsAProblemThatSaysSoAndTheArticleStaysAsItWas()
    {
        var url = Site.UrlOf(NewsSite.Utf8Page).ToString();
        using var posted = await Http.PostAsJsonAsync("/api/articles", new { url });
        var id = (await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await Http.WaitUntilFinishedAsync(id, Patience);

        using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { url = Site.UrlOf(NewsSite.Missing).ToString() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Contains("404", (await put.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        var article = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Equal(("completed", 1), (article["status"]!.GetValue<string>(), article["revision"]!.GetValue<int>()));
    }

    private static async Task Send(Microsoft.AspNetCore.Http.HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(html));
    }
}
