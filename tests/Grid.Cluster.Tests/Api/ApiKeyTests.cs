using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Api;

public sealed class ApiKeyTests(ApiKeysFixture fixture) : IClassFixture<ApiKeysFixture>
{
    [Theory]
    [InlineData(null, "needs an API key")]
    [InlineData("", "needs an API key")]
    [InlineData("reader-key-5f2c9a7e41d", "does not hold a key this Grid knows")]
    [InlineData("READER-KEY-5F2C9A7E41D3", "does not hold a key this Grid knows")]
    [InlineData("reader-key-5f2c9a7e41d3x", "does not hold a key this Grid knows")]
    public async Task ACallWithoutAValidKeyIs401WithAProblemThatSaysWhatToSend(string? key, string detail)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/articles", key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString());
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWriteWithoutAValidKeyIsRefusedBeforeItIsRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { text = GeneratedArticle.FromSeed(1001).Text }) };
        request.Headers.Add("X-Api-Key", "not-a-key-of-this-grid");
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var lookup = await SendAsync(HttpMethod.Get, $"/api/articles/{Grid.Grains.Text.ContentHash.Of(GeneratedArticle.FromSeed(1001).Text)}", ApiKeysFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task ACallWithAValidKeyIsAnswered()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/articles", ApiKeysFixture.ReaderKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar")]
    public async Task HealthAndTheApiReferenceNeedNoKey(string route)
    {
        using var response = await fixture.Http.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OneCallMoreThanTheLimitIs429WithRetryAfterAndOtherKeysAreNotHeldBack()
    {
        for (var i = 0; i < ApiKeysFixture.RequestsPerMinute; i++)
        {
            using var allowed = await SendAsync(HttpMethod.Get, "/api/articles", ApiKeysFixture.LimitedKey);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SendAsync(HttpMethod.Get, "/api/articles", ApiKeysFixture.LimitedKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var retryAfter = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"try again in {retryAfter.TotalSeconds:0} s", problem["detail"]!.GetValue<string>());

        using var otherKey = await SendAsync(HttpMethod.Get, "/api/articles", ApiKeysFixture.ReaderKey);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheKeyHeader()
    {
        var document = (await fixture.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;

        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme["type"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", scheme["name"]!.GetValue<string>());
        Assert.Equal("header", scheme["in"]!.GetValue<string>());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string route, string? key)
    {
        var request = new HttpRequestMessage(method, route);
        if (key is not null)
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return fixture.Http.SendAsync(request);
    }
}
