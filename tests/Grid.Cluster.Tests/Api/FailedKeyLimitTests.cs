using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.Cluster.Tests.Api;

/// <summary>Guessing keys is slow: past the limit of wrong keys an address gets 429 for every key, the right one too, so a guess learns nothing.</summary>
public sealed class FailedKeyLimitTests(FailedKeyLimitFixture fixture) : IClassFixture<FailedKeyLimitFixture>
{
    [Fact]
    public async Task PastTheLimitOfWrongKeysEveryKeyFromTheAddressIs429WithRetryAfter()
    {
        // Half the guesses at /translate, where LibreTranslate's clients put the key in the body: they count the same.
        for (var i = 0; i < FailedKeyLimitFixture.FailedKeyAttemptsPerMinute; i++)
        {
            var odd = i % 2 == 1;
            using var wrong = odd ? await TranslateAsync($"guess-{i}-0000000000000000") : await SendAsync($"guess-{i}-0000000000000000");
            Assert.Equal(odd ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var oneMore = await SendAsync("guess-x-0000000000000000");
        Assert.Equal(HttpStatusCode.TooManyRequests, oneMore.StatusCode);
        Assert.Equal("application/problem+json", oneMore.Content.Headers.ContentType!.MediaType);
        var retryAfter = oneMore.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        var problem = (await oneMore.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains($"sent {FailedKeyLimitFixture.FailedKeyAttemptsPerMinute} wrong API keys this minute", problem["detail"]!.GetValue<string>());

        using var right = await SendAsync(FailedKeyLimitFixture.Key);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var rightAtTranslate = await TranslateAsync(FailedKeyLimitFixture.Key);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAtTranslate.StatusCode);

        using var health = await fixture.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private Task<HttpResponseMessage> TranslateAsync(string key) =>
        fixture.Http.PostAsJsonAsync("/translate", new { q = "مرحبا بكم في بغداد", source = "ar", target = "en", api_key = key });

    private Task<HttpResponseMessage> SendAsync(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles");
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return fixture.Http.SendAsync(request);
    }
}
