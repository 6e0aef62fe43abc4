using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Durability;
using Grid.OllamaEmulator.Content;

namespace Grid.Cluster.Tests.Http;

/// <summary><c>PUT /api/articles/{id}</c> and <c>GET /api/articles/{id}/revisions/{n}</c> over real HTTP, counted at the emulator.</summary>
public sealed class ArticleRevisionsApiTests(RevisionsSiloFixture fixture) : IClassFixture<RevisionsSiloFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task EditingOneParagraphOfTwentyCostsOneParagraphsTranslationAndOneSummaryAndRevisionOneReadsBackAsItWas()
    {
        var (paragraphs, other) = Story(seed: 31);
        var id = await SubmitAsync("story-edited-once", paragraphs);
        var before = await Http.WaitUntilFinishedAsync(id);
        Assert.Equal("completed", before["status"]!.GetValue<string>());
        Assert.Equal(1, before["revision"]!.GetValue<int>());
        var asked = fixture.Emulator.Requests.Count;

        List<string> edited = [.. paragraphs[..7], other, .. paragraphs[8..]];
        using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = SharedParagraphArticles.Page(edited) });
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        var receipt = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((2, false), (receipt["revision"]!.GetValue<int>(), receipt["unchanged"]!.GetValue<bool>()));
        var after = await Http.WaitUntilFinishedAsync(id);

        Assert.Equal("completed", after["status"]!.GetValue<string>());
        Assert.Equal(2, after["revision"]!.GetValue<int>());
        Assert.Equal([1], after["olderRevisions"]!.AsArray().Select(number => number!.GetValue<int>()));
        var shown = after["paragraphs"]!.AsArray();
        Assert.Equal(edited, shown.Select(paragraph => paragraph!["ar"]!.GetValue<string>()));
        Assert.All(shown, paragraph => Assert.Equal(GridSettings.ExpectedEnglish(paragraph!["ar"]!.GetValue<string>()), GridSettings.Collapse(paragraph["en"]!.GetValue<string>())));
        Assert.Equal([7], shown.Where(paragraph => paragraph!["changed"]!.GetValue<bool>()).Select(paragraph => paragraph!["index"]!.GetValue<int>()));
        Assert.NotNull(after["summary"]);

        var calls = fixture.Emulator.Requests.Skip(asked).Where(request => request.Served).ToList();
        var translation = Assert.Single(calls, request => request.Task == RequestTasks.Translation);
        Assert.Contains(other, translation.LastUserMessage);
        Assert.DoesNotContain(paragraphs, paragraph => translation.LastUserMessage!.Contains(paragraph));
        Assert.Single(calls, request => request.Task == RequestTasks.Structured);
        Assert.Equal(2, calls.Count);

        var first = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}/revisions/1"))!;
        Assert.Equal(1, first["revision"]!.GetValue<int>());
        foreach (var field in new[] { "title", "paragraphs", "summary", "dateLine", "byline", "source", "url", "status", "finishedAt" })
            Assert.True(JsonNode.DeepEquals(before[field], first[field]), $"revision 1's {field} reads {first[field]?.ToJsonString()}, not {before[field]?.ToJsonString()} as before the update");
        var newest = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}/revisions/2"))!;
        Assert.True(JsonNode.DeepEquals(after["paragraphs"], newest["paragraphs"]));
    }

    [Fact]
    public async Task TheSameTextAgainMakesNoRevision()
    {
        var (paragraphs, _) = Story(seed: 32);
        var id = await SubmitAsync("story-sent-twice", paragraphs);
        await Http.WaitUntilFinishedAsync(id);
        var asked = fixture.Emulator.Requests.Count;

        using var put = await Http.PutAsync($"/api/articles/{id}", new StringContent(SharedParagraphArticles.Page(paragraphs), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var receipt = (await put.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((1, true, "completed"), (receipt["revision"]!.GetValue<int>(), receipt["unchanged"]!.GetValue<bool>(), receipt["status"]!.GetValue<string>()));
        Assert.Equal(1, (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!["revision"]!.GetValue<int>());
        Assert.Equal(asked, fixture.Emulator.Requests.Count);
    }

    [Fact]
    public async Task PuttingToAnUnknownIdIs404AndCreatesNothing()
    {
        using var put = await Http.PutAsJsonAsync("/api/articles/never-submitted", new { text = SampleArticles.Seed });

        await AssertProblemAsync(put, HttpStatusCode.NotFound, "POST /api/articles");
        using var get = await Http.GetAsync("/api/articles/never-submitted");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task ARevisionThatNeverWasIs404AndOneDroppedPastTheBoundIs410NamingTheSetting()
    {
        var (paragraphs, other) = Story(seed: 33);
        var id = await SubmitAsync("story-revised-often", paragraphs);
        await Http.WaitUntilFinishedAsync(id);
        foreach (var text in new[] { [other, .. paragraphs[1..]], paragraphs[..^1] })
        {
            using var put = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = SharedParagraphArticles.Page(text) });
            Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
            await Http.WaitUntilFinishedAsync(id);
        }

        using var never = await Http.GetAsync($"/api/articles/{id}/revisions/4");
        await AssertProblemAsync(never, HttpStatusCode.NotFound, "1 to 3");
        using var zero = await Http.GetAsync($"/api/articles/{id}/revisions/0");
        Assert.Equal(HttpStatusCode.NotFound, zero.StatusCode);
        using var dropped = await Http.GetAsync($"/api/articles/{id}/revisions/1");
        await AssertProblemAsync(dropped, HttpStatusCode.Gone, "Grid:Articles:MaxRevisions");
        using var kept = await Http.GetAsync($"/api/articles/{id}/revisions/2");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        using var unknown = await Http.GetAsync("/api/articles/never-submitted/revisions/1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ABadBodyIsAProblemAndLeavesTheArticleAsItWas()
    {
        var (paragraphs, _) = Story(seed: 34);
        var id = await SubmitAsync("story-badly-updated", paragraphs);
        var before = await Http.WaitUntilFinishedAsync(id);

        using var broken = await Http.PutAsync($"/api/articles/{id}", new StringContent("{ \"text\": ", Encoding.UTF8, "application/json"));
        await AssertProblemAsync(broken, HttpStatusCode.BadRequest, "JSON");
        using var english = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = "Only English here, nothing to translate." });
        await AssertProblemAsync(english, HttpStatusCode.UnprocessableEntity, "Arabic");
        using var otherId = await Http.PutAsJsonAsync($"/api/articles/{id}", new { text = SharedParagraphArticles.Page(paragraphs[1..]), id = "another-story" });
        await AssertProblemAsync(otherId, HttpStatusCode.BadRequest, "another-story");
        // A URL alone is fetched again, within the outbound guard: a loopback page is refused, naming the setting.
        using var loopbackPage = await Http.PutAsJsonAsync($"/api/articles/{id}", new { url = "http://127.0.0.1:9/story" });
        await AssertProblemAsync(loopbackPage, HttpStatusCode.UnprocessableEntity, "Grid:Outbound:AllowPrivateNetworks");

        var after = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Equal(1, after["revision"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(before["paragraphs"], after["paragraphs"]));
    }

    private async Task<string> SubmitAsync(string id, IEnumerable<string> paragraphs)
    {
        using var response = await Http.PostAsJsonAsync("/api/articles", new { text = SharedParagraphArticles.Page(paragraphs), id, title = "خبر عن الاجتماع في بغداد" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return id;
    }

    /// <summary>Twenty paragraphs, and one more that none of them is.</summary>
    private static (List<string> Paragraphs, string Other) Story(int seed)
    {
        var generated = SharedParagraphArticles.Generate(count: 2, paragraphs: 20, sharedShare: 0, seed: seed);
        return (generated[0], generated[1][0]);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailNames)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(detailNames, problem["detail"]!.GetValue<string>());
    }
}
