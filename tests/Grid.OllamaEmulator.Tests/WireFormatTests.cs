using System.Net;
using System.Text.Json;

namespace Grid.OllamaEmulator.Tests;

public sealed class WireFormatTests
{
    private static readonly string[] Metrics = ["total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration"];

    [Fact]
    public async Task StreamingIsNdjsonWithMetricsOnlyOnTheFinalLine()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, TtftMs = 1 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("api/chat", ErrorTests.ChatBody(ArabicSamples.TwoParagraphs), ArabicSamples.Timeout);
        var body = await response.Content.ReadAsStringAsync(ArabicSamples.Timeout);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("\n", body, StringComparison.Ordinal);
        var lines = body.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        foreach (var line in lines[..^1])
        {
            Assert.Equal(ArabicSamples.Model, line.GetProperty("model").GetString());
            Assert.True(DateTimeOffset.TryParse(line.GetProperty("created_at").GetString(), out _));
            Assert.Equal("assistant", line.GetProperty("message").GetProperty("role").GetString());
            Assert.False(line.GetProperty("done").GetBoolean());
            Assert.False(line.TryGetProperty("done_reason", out _));
            Assert.All(Metrics, metric => Assert.False(line.TryGetProperty(metric, out _)));
        }
        var last = lines[^1];
        Assert.True(last.GetProperty("done").GetBoolean());
        Assert.Equal("stop", last.GetProperty("done_reason").GetString());
        Assert.Equal("", last.GetProperty("message").GetProperty("content").GetString());
        Assert.All(Metrics, metric => Assert.True(last.GetProperty(metric).GetInt64() > 0, metric));
    }

    [Fact]
    public async Task StreamFalseAnswersOneJsonObject()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("api/generate", ErrorTests.Json($$"""{"model":"{{ArabicSamples.Model}}","prompt":"كتاب","stream":false}"""), ArabicSamples.Timeout);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ArabicSamples.Timeout));

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("ktab", document.RootElement.GetProperty("response").GetString());
        Assert.True(document.RootElement.GetProperty("done").GetBoolean());
        Assert.Equal(1, document.RootElement.GetProperty("eval_count").GetInt32());
    }

    [Fact]
    public async Task AChatWithoutMessagesOnlyLoadsTheModelAndOmitsZeroMetrics()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("api/chat", ErrorTests.Json($$"""{"model":"{{ArabicSamples.Model}}","messages":[]}"""), ArabicSamples.Timeout);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ArabicSamples.Timeout));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("load", document.RootElement.GetProperty("done_reason").GetString());
        Assert.All(Metrics, metric => Assert.False(document.RootElement.TryGetProperty(metric, out _), metric));
    }
}
