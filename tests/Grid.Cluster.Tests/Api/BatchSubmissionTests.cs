using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Http;
using Grid.Grains.Text;

namespace Grid.Cluster.Tests.Api;

public sealed class BatchSubmissionTests(SmallBatchCapsFixture fixture) : IClassFixture<SmallBatchCapsFixture>
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task ABatchWithGoodAndBadItemsAnswersEachInPlaceAndOnlyTheGoodOnesAreTranslated()
    {
        var good = GeneratedArticle.FromSeed(701);
        var alsoGood = GeneratedArticle.FromSeed(702);
        var batch = new JsonArray(
            new JsonObject { ["text"] = good.Body, ["title"] = good.Title, ["source"] = "Kitabat" },
            JsonValue.Create(alsoGood.Text),
            new JsonObject { ["text"] = "   " },
            new JsonObject { ["text"] = "An English article, with nothing to translate." },
            JsonValue.Create(42));

        using var response = await Http.PostAsync("/api/articles/batch", new StringContent(batch.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, answer["accepted"]!.GetValue<int>());
        Assert.Equal(3, answer["refused"]!.GetValue<int>());
        var items = answer["items"]!.AsArray();
        Assert.Equal([0, 1, 2, 3, 4], items.Select(item => item!["index"]!.GetValue<int>()));
        Assert.Equal(ContentHash.Of(alsoGood.Text), items[1]!["id"]!.GetValue<string>());
        Assert.Equal([400, 422, 400], items.Skip(2).Select(item => item!["problem"]!["status"]!.GetValue<int>()));
        Assert.All(items.Skip(2), item => Assert.False(string.IsNullOrWhiteSpace(item!["problem"]!["detail"]!.GetValue<string>())));
        Assert.All(items.Skip(2), item => Assert.Null(item!["id"]));

        foreach (var item in items.Take(2))
        {
            Assert.Equal($"/api/articles/{item!["id"]}", item["location"]!.GetValue<string>());
            var article = await Http.WaitUntilFinishedAsync(item["id"]!.GetValue<string>());
            Assert.Equal("completed", article["status"]!.GetValue<string>());
        }
        var first = (await Http.GetFromJsonAsync<JsonObject>(items[0]!["location"]!.GetValue<string>()))!;
        Assert.Equal(good.Title, first["title"]!["ar"]!.GetValue<string>());
        Assert.Equal("Kitabat", first["source"]!.GetValue<string>());
        using var notStored = await Http.GetAsync($"/api/articles/{ContentHash.Of("An English article, with nothing to translate.")}");
        Assert.Equal(HttpStatusCode.NotFound, notStored.StatusCode);
    }

    [Fact]
    public async Task AnNdjsonBatchWithABrokenLineSubmitsTheOtherLines()
    {
        var lines = string.Join("\n",
            JsonSerializer.Serialize(new { text = GeneratedArticle.FromSeed(711).Text }),
            "{ \"text\": \"نص مقطوع",
            "",
            JsonSerializer.Serialize(new { text = GeneratedArticle.FromSeed(712).Text }));

        using var response = await Http.PostAsync("/api/articles/batch", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Equal(3, items.Count);
        Assert.NotNull(items[0]!["id"]);
        Assert.Equal(400, items[1]!["problem"]!["status"]!.GetValue<int>());
        Assert.Contains("not JSON", items[1]!["problem"]!["detail"]!.GetValue<string>());
        Assert.NotNull(items[2]!["id"]);
    }

    public static TheoryData<string, string, string, HttpStatusCode> BadBatches() => new()
    {
        { "more items than the cap", "application/json", JsonSerializer.Serialize(Enumerable.Range(800, SmallBatchCapsFixture.MaxItems + 1).Select(seed => GeneratedArticle.FromSeed(seed).Text)), HttpStatusCode.RequestEntityTooLarge },
        { "more bytes than the cap", "application/x-ndjson", JsonSerializer.Serialize(new string('ب', SmallBatchCapsFixture.MaxBytes / 2 + 1)), HttpStatusCode.RequestEntityTooLarge },
        { "invalid JSON", "application/json", "[ { \"text\": \"نص\" }", HttpStatusCode.BadRequest },
        { "an object rather than an array", "application/json", "{ \"text\": \"نص عربي\" }", HttpStatusCode.BadRequest },
        { "an empty array", "application/json", "[]", HttpStatusCode.BadRequest },
        { "plain text", "text/plain", "نص عربي", HttpStatusCode.UnsupportedMediaType },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task ABatchThatCannotBeReadOrBreaksACapIsOneProblemAndSubmitsNothing(string what, string contentType, string body, HttpStatusCode expected)
    {
        using var response = await Http.PostAsync("/api/articles/batch", new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(expected == response.StatusCode, $"{what}: expected {expected}, got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), what);
        using var firstOfBatch = await Http.GetAsync($"/api/articles/{ContentHash.Of(GeneratedArticle.FromSeed(800).Text)}");
        Assert.Equal(HttpStatusCode.NotFound, firstOfBatch.StatusCode);
    }
}
