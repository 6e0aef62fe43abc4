using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Api;
using Grid.Grains.Articles;
using Grid.Grains.Text;

namespace Grid.Cluster.Tests.Http;

/// <summary>Callers' ids and content ids live apart, and an id names one text: nobody can plant a text where another's submitter will look.</summary>
public sealed class ArticleIdTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task PlantingATextUnderAnotherTextsContentIdIsRefusedAndItsSubmitterGetsTheRealText()
    {
        var real = GeneratedArticle.FromSeed(1401);
        var planted = GeneratedArticle.FromSeed(1402);
        var contentId = ContentHash.Of(real.Text);

        foreach (var squatted in new[] { contentId, contentId.ToUpperInvariant() })
        {
            using var squat = await Http.PostAsJsonAsync("/api/articles", new { id = squatted, text = planted.Text });
            Assert.Equal(HttpStatusCode.BadRequest, squat.StatusCode);
            var problem = (await squat.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("looks like a content id", problem["detail"]!.GetValue<string>());
        }

        using var honest = await Http.PostAsJsonAsync("/api/articles", new { text = real.Text });
        Assert.Equal(HttpStatusCode.Accepted, honest.StatusCode);
        var receipt = (await honest.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(contentId, receipt["id"]!.GetValue<string>());
        Assert.False(receipt["alreadyKnown"]!.GetValue<bool>());
        var article = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{contentId}"))!;
        Assert.Equal(real.Paragraphs[0], article["paragraphs"]![0]!["ar"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnotherTextUnderATakenIdIs409AndTheSameTextAgainIsAlreadyKnown()
    {
        var first = GeneratedArticle.FromSeed(1403);
        var other = GeneratedArticle.FromSeed(1404);
        var id = $"story-{Guid.NewGuid():N}";

        using var created = await Http.PostAsJsonAsync("/api/articles", new { id, text = first.Text });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);

        using var conflict = await Http.PostAsJsonAsync("/api/articles", new { id, text = other.Text });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);
        var problem = (await conflict.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"'{id}' is already an article with another text", problem["detail"]!.GetValue<string>());

        using var again = await Http.PostAsJsonAsync("/api/articles", new { id, text = first.Text });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonObject>())!["alreadyKnown"]!.GetValue<bool>());
        var article = (await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}"))!;
        Assert.Equal(first.Paragraphs[0], article["paragraphs"]![0]!["ar"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("title", SubmissionValidator.MaxTitleLength)]
    [InlineData("source", SubmissionValidator.MaxSourceLength)]
    [InlineData("url", SubmissionValidator.MaxUrlLength)]
    public async Task AFieldPastItsCapIsRefusedWithAProblemThatNamesItAndNothingIsStored(string field, int cap)
    {
        var article = GeneratedArticle.FromSeed(1405 + cap);
        var body = new JsonObject { ["text"] = article.Text, [field] = "https://example.org/" + new string('x', cap) };

        using var response = await Http.PostAsJsonAsync("/api/articles", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"'{field}' is {cap + "https://example.org/".Length:N0} characters; the limit is {cap:N0}", problem["detail"]!.GetValue<string>());
        using var lookup = await Http.GetAsync($"/api/articles/{ContentHash.Of(article.Text)}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task FieldsAtTheirCapsAreAccepted()
    {
        var body = new
        {
            text = GeneratedArticle.FromSeed(1409).Text,
            title = new string('t', SubmissionValidator.MaxTitleLength),
            source = new string('s', SubmissionValidator.MaxSourceLength),
            url = "https://example.org/" + new string('u', SubmissionValidator.MaxUrlLength - "https://example.org/".Length),
        };

        using var response = await Http.PostAsJsonAsync("/api/articles", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
