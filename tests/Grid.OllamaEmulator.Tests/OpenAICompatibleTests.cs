using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Grid.OllamaEmulator.Tests;

/// <summary>The OpenAI-compatible routes vLLM serves, on the wire: server-sent chunks, finish reasons, usage, errors, the model list.</summary>
public sealed class OpenAICompatibleTests
{
    [Fact]
    public async Task AStreamedCompletionIsServerSentChunksEndingWithStopUsageAndDone()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.TwoParagraphs, stream: true, includeUsage: true), ArabicSamples.Timeout);
        var events = await EventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("[DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonNode.Parse(e)!.AsObject()).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", (string?)chunk["object"]));
        Assert.Equal("assistant", (string?)chunks[0]["choices"]![0]!["delta"]!["role"]);
        var text = string.Concat(chunks.SelectMany(c => c["choices"]!.AsArray()).Select(choice => (string?)choice!["delta"]!["content"]));
        Assert.Equal(Transliteration.ToLatin(ArabicSamples.TwoParagraphs), text);
        Assert.Equal("stop", (string?)chunks[^2]["choices"]![0]!["finish_reason"]);
        var usage = chunks[^1]["usage"]!;
        Assert.Empty(chunks[^1]["choices"]!.AsArray());
        Assert.True((int)usage["prompt_tokens"]! > 0);
        Assert.Equal((int)usage["prompt_tokens"]! + (int)usage["completion_tokens"]!, (int)usage["total_tokens"]!);
        var record = Assert.Single(emulator.Requests);
        Assert.Equal(RequestKinds.OpenAIChat, record.Kind);
        Assert.Equal(0.0, record.Options?.Temperature);
        Assert.Equal(7, record.Options?.Seed);
    }

    [Fact]
    public async Task MaxTokensCutsTheAnswerWithFinishReasonLength()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.LongParagraph, stream: false, maxTokens: 5), ArabicSamples.Timeout);
        var completion = JsonNode.Parse(await response.Content.ReadAsStringAsync(ArabicSamples.Timeout))!;

        Assert.Equal("chat.completion", (string?)completion["object"]);
        Assert.Equal("length", (string?)completion["choices"]![0]!["finish_reason"]);
        Assert.Equal(5, (int)completion["usage"]!["completion_tokens"]!);
        Assert.Equal(5, Assert.Single(emulator.Requests).Options?.NumPredict);
    }

    [Fact]
    public async Task AJsonSchemaResponseFormatGivesADocumentOfThatSchema()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var format = """{"type":"json_schema","json_schema":{"name":"summary","schema":{"type":"object","properties":{"en":{"type":"string"},"ar":{"type":"string"}},"required":["en","ar"]}}}""";

        using var response = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.TwoParagraphs, stream: false, responseFormat: format), ArabicSamples.Timeout);
        var content = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(ArabicSamples.Timeout))!["choices"]![0]!["message"]!["content"];
        var document = JsonNode.Parse(content!)!;

        Assert.False(string.IsNullOrEmpty((string?)document["en"]));
        Assert.False(string.IsNullOrEmpty((string?)document["ar"]));
        Assert.True(Assert.Single(emulator.Requests).Structured);
    }

    [Fact]
    public async Task AMidStreamFaultIsAnErrorEventAndTheStreamEndsWithoutDone()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultMidstreamError = 1 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.LongParagraph, stream: true), ArabicSamples.Timeout);
        var events = await EventsAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("[DONE]", events);
        Assert.NotNull(JsonNode.Parse(events[^1])!["error"]);
        Assert.DoesNotContain(events[..^1], e => JsonNode.Parse(e)!["choices"]![0]!["finish_reason"] is not null);
    }

    [Fact]
    public async Task AnUnknownModelAnswers404AndTheModelListNamesTheServedOnes()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { Models = "qwen2.5:7b,llama3.1:8b", TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var missing = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.TwoParagraphs, stream: false, model: "nope:1b"), ArabicSamples.Timeout);
        var models = JsonNode.Parse(await http.GetStringAsync("v1/models", ArabicSamples.Timeout))!;

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("`nope:1b` does not exist", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync(ArabicSamples.Timeout))!["error"]!["message"]);
        Assert.Equal("list", (string?)models["object"]);
        Assert.Equal(["llama3.1:8b", "qwen2.5:7b"], models["data"]!.AsArray().Select(model => (string?)model!["id"]));
    }

    [Fact]
    public async Task APromptLongerThanTheContextIsRefusedWith400AsVllmDoes()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, ContextLength = 64 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("v1/chat/completions", Body(ArabicSamples.LongParagraph, stream: false), ArabicSamples.Timeout);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("maximum context length is 64 tokens", await response.Content.ReadAsStringAsync(ArabicSamples.Timeout));
    }

    private static StringContent Body(string arabic, bool stream, int? maxTokens = null, string? responseFormat = null, bool includeUsage = false, string model = ArabicSamples.Model)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "Translate the text in <source> into English." },
                new JsonObject { ["role"] = "user", ["content"] = $"<source>\n{arabic}\n</source>" }),
            ["stream"] = stream,
            ["temperature"] = 0,
            ["seed"] = 7,
        };
        if (maxTokens is not null)
            body["max_completion_tokens"] = maxTokens;
        if (responseFormat is not null)
            body["response_format"] = JsonNode.Parse(responseFormat);
        if (includeUsage)
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }

    /// <summary>The <c>data:</c> payloads of a server-sent event stream, in order.</summary>
    private static async Task<List<string>> EventsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(ArabicSamples.Timeout);
        Assert.All(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries), e => Assert.StartsWith("data: ", e));
        return [.. text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..])];
    }
}
