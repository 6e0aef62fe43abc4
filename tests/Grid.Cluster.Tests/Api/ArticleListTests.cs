using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;

namespace Grid.Cluster.Tests.Api;

public sealed class ArticleListTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task TheListShowsSubmittedArticlesNewestFirstAndPagesThroughThem()
    {
        var ids = new List<string>();
        foreach (var seed in new[] { 101, 102, 103, 104 })
            ids.Add(await SubmitAsync(GeneratedArticle.FromSeed(seed)));

        var all = await Http.GetUntilAsync("/api/articles?pageSize=100", list => ids.All(list.Ids().Contains));
        var ours = all.Ids().Where(ids.Contains).ToList();
        Assert.Equal(Enumerable.Reverse(ids), ours);
        var first = all["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == ids[0])!;
        Assert.Equal(GeneratedArticle.FromSeed(101).Title, first["title"]!["ar"]!.GetValue<string>());
        Assert.NotNull(first["progress"]!["chunksTotal"]);
        Assert.NotNull(first["submittedAt"]);

        var total = all["total"]!.GetValue<int>();
        var page1 = (await Http.GetFromJsonAsync<JsonObject>("/api/articles?page=1&pageSize=2"))!;
        var page2 = (await Http.GetFromJsonAsync<JsonObject>(page1["next"]!.GetValue<string>()))!;
        Assert.Equal(2, page2["page"]!.GetValue<int>());
        Assert.Equal(all.Ids().Take(4), page1.Ids().Concat(page2.Ids()));
        Assert.True(total >= 4);
        Assert.Equal(total, page1["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheListFiltersByStatus()
    {
        var id = await SubmitAsync(GeneratedArticle.FromSeed(201));
        await Http.WaitUntilFinishedAsync(id);

        var completed = await Http.GetUntilAsync("/api/articles?status=completed&pageSize=100", list => list.Ids().Contains(id));
        Assert.All(completed["items"]!.AsArray(), item => Assert.Equal("completed", item!["status"]!.GetValue<string>()));
        var item = completed["items"]!.AsArray().Single(item => item!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(item["progress"]!["chunksTotal"]!.GetValue<int>(), item["progress"]!["chunksDone"]!.GetValue<int>());
        Assert.NotNull(item["finishedAt"]);
        Assert.False(string.IsNullOrWhiteSpace(item["title"]!["en"]?.GetValue<string>()));

        var queued = (await Http.GetFromJsonAsync<JsonObject>("/api/articles?status=queued&pageSize=100"))!;
        Assert.DoesNotContain(id, queued.Ids());
        Assert.All(queued["items"]!.AsArray(), item => Assert.Equal("queued", item!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OnTheCatalogGrainTheListPagesByCursorAndFiltersByDateButSearchIsAProblemThatSaysWhatCan()
    {
        var ids = new List<string>();
        foreach (var seed in new[] { 111, 112, 113 })
            ids.Add(await SubmitAsync(GeneratedArticle.FromSeed(seed)));
        await Http.GetUntilAsync("/api/articles?pageSize=100", list => ids.All(list.Ids().Contains));

        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd");
        var seen = new List<string>();
        string? next = $"/api/articles?pageSize=1&from={today}&to={today}";
        while (next is not null)
        {
            var page = (await Http.GetFromJsonAsync<JsonObject>(next))!;
            seen.AddRange(page.Ids());
            next = page["next"]?.GetValue<string>();
        }
        Assert.Equal(Enumerable.Reverse(ids), seen.Where(ids.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>("/api/articles?to=2000-01-01"))!.Ids());

        using var search = await Http.GetAsync("/api/articles?q=test");
        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("Grid:Storage=Sqlite", (await search.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("page=0", "page is 0")]
    [InlineData("pageSize=101", "pageSize is 101")]
    [InlineData("pageSize=0", "pageSize is 0")]
    [InlineData("status=done", "status 'done' is not one of queued, translating, summarizing, completed, failed")]
    [InlineData("status=3", "status '3' is not one of")]
    public async Task AListQueryOutOfRangeIsAProblemThatSaysWhatIsAllowed(string query, string detail)
    {
        using var response = await Http.GetAsync($"/api/articles?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    private async Task<string> SubmitAsync(GeneratedArticle article)
    {
        using var response = await Http.PostAsJsonAsync("/api/articles", new { text = article.Body, title = article.Title });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
