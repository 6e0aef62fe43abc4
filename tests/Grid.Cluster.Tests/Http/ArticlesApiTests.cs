using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Grains.Text;

namespace Grid.Cluster.Tests.Http;

public sealed class ArticlesApiTests(SiloWithEmulatorFixture fixture) : IClassFixture<SiloWithEmulatorFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task PostingTheSeedArticleAnswers202AndTheArticleCompletesBilingual()
    {
        using var response = await Http.PostAsync("/api/articles", new StringContent(SampleArticles.Seed, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = accepted["id"]!.GetValue<string>();
        Assert.Equal($"/api/articles/{id}", response.Headers.Location!.OriginalString);
        Assert.Contains(accepted["status"]!.GetValue<string>(), new[] { "queued", "translating" });

        var article = await Http.WaitUntilFinishedAsync(id);
        Assert.Equal("completed", article["status"]!.GetValue<string>());
        Assert.StartsWith("لبحث العلاقات", article["title"]!["ar"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(article["title"]!["en"]!.GetValue<string>()));

        var paragraphs = article["paragraphs"]!.AsArray();
        Assert.Equal(SampleArticles.SeedParagraphStarts.Length, paragraphs.Count);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            Assert.Equal(i, paragraphs[i]!["index"]!.GetValue<int>());
            Assert.StartsWith(SampleArticles.SeedParagraphStarts[i], paragraphs[i]!["ar"]!.GetValue<string>());
            Assert.Equal(GridSettings.ExpectedEnglish(paragraphs[i]!["ar"]!.GetValue<string>()), GridSettings.Collapse(paragraphs[i]!["en"]!.GetValue<string>()));
        }
        var progress = article["progress"]!;
        Assert.Equal(progress["chunksTotal"]!.GetValue<int>(), progress["chunksDone"]!.GetValue<int>());

        var omitted = article["omitted"]!.AsArray().Select(line => line!["text"]!.GetValue<string>()).ToList();
        Assert.All(SampleArticles.SeedCruft, cruft => Assert.Contains(cruft, omitted));

        var summary = article["summary"]!;
        Assert.True(ArabicScript.LatinLetterRatio(summary["en"]!.GetValue<string>()) > 0.9);
        Assert.True(ArabicScript.ArabicLetterRatio(summary["ar"]!.GetValue<string>()) > 0.9);
        Assert.NotEmpty(summary["keyPoints"]!.AsArray());

        var usage = article["usage"]!;
        Assert.True(usage["llmCalls"]!.GetValue<int>() > 0);
        Assert.True(usage["inputTokens"]!.GetValue<long>() > 0);
        Assert.True(usage["outputTokens"]!.GetValue<long>() > 0);
        Assert.NotNull(usage["llmMilliseconds"]);

        using var again = await Http.PostAsJsonAsync("/api/articles", new { text = SampleArticles.Seed });
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        var second = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, second["id"]!.GetValue<string>());
        Assert.True(second["alreadyKnown"]!.GetValue<bool>());

        var summaryRoute = await Http.GetFromJsonAsync<JsonObject>($"/api/articles/{id}/summary");
        Assert.Equal(summary["en"]!.GetValue<string>(), summaryRoute!["en"]!.GetValue<string>());
    }

    public static TheoryData<string, string, byte[], HttpStatusCode> BadInput() => new()
    {
        { "empty text", "text/plain", [], HttpStatusCode.BadRequest },
        { "whitespace", "text/plain", Encoding.UTF8.GetBytes("  \n\t \n"), HttpStatusCode.BadRequest },
        { "empty JSON text", "application/json", Encoding.UTF8.GetBytes("""{ "text": "" }"""), HttpStatusCode.BadRequest },
        { "malformed JSON", "application/json", Encoding.UTF8.GetBytes("""{ "text": "مرحبا" """), HttpStatusCode.BadRequest },
        { "bytes that are not UTF-8", "text/plain", [0xC3, 0x28, 0xFF, 0xFE, 0x00, 0x81], HttpStatusCode.BadRequest },
        { "binary with a control-character soup", "text/plain", Encoding.UTF8.GetBytes("مرحبا\u0001\u0002\u0003\u0004\u0005\u0006"), HttpStatusCode.BadRequest },
        { "a binary content type", "application/octet-stream", [1, 2, 3], HttpStatusCode.UnsupportedMediaType },
        { "over the size cap", "text/plain", Encoding.UTF8.GetBytes(new string('ب', 140 * 1024)), HttpStatusCode.RequestEntityTooLarge },
        { "no Arabic at all", "text/plain", Encoding.UTF8.GetBytes("This is an English article about nothing in particular."), HttpStatusCode.UnprocessableEntity },
        { "an invalid id", "application/json", Encoding.UTF8.GetBytes("""{ "text": "نص عربي طويل بما يكفي ليكون فقرة في مقال.", "id": "../etc" }"""), HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputGetsAProblemWithADetailAndLeavesNothingBehind(string what, string contentType, byte[] body, HttpStatusCode expected)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        using var response = await Http.PostAsync("/api/articles", content);

        Assert.True(expected == response.StatusCode, $"{what}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), what);

        var wouldBeId = ContentHash.Of(Encoding.UTF8.GetString(body));
        using var lookup = await Http.GetAsync($"/api/articles/{wouldBeId}");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task AnUnknownIdIs404WithAProblem()
    {
        using var response = await Http.GetAsync("/api/articles/0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task HealthAnswersWithTheLlmEndpoints()
    {
        var health = (await Http.GetFromJsonAsync<JsonObject>("/health"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Equal(fixture.Emulator.BaseAddress.ToString(), health["endpoints"]![0]!["url"]!.GetValue<string>());
    }
}
