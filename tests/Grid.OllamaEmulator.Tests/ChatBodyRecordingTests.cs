using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Chat;

namespace Grid.OllamaEmulator.Tests;

public sealed class ChatBodyRecordingTests
{
    [Fact]
    public async Task ARecordedChatBodyReplayedThroughOllamaSharpArrivesAsTheSameRequest()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"en":{"type":"string"}},"required":["en"]}""").RootElement;
        var options = new ChatOptions
        {
            Temperature = 0,
            Seed = 7,
            MaxOutputTokens = 512,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema),
            RawRepresentationFactory = _ => new ChatRequest { Options = new OllamaSharp.Models.RequestOptions { NumCtx = 8192 }, Think = false, KeepAlive = "30m" },
        };

        emulator.StartRecordingChatBodies();
        await foreach (var _ in client.GetStreamingResponseAsync([new(Microsoft.Extensions.AI.ChatRole.System, "Translate to English."), new(Microsoft.Extensions.AI.ChatRole.User, ArabicSamples.TwoParagraphs)], options, ArabicSamples.Timeout))
        {
        }
        var sent = Assert.Single(emulator.StopRecordingChatBodies());

        emulator.StartRecordingChatBodies();
        await foreach (var _ in new OllamaApiClient(http).ChatAsync(JsonSerializer.Deserialize<ChatRequest>(sent)!, ArabicSamples.Timeout))
        {
        }
        var replayed = Assert.Single(emulator.StopRecordingChatBodies());

        var original = JsonNode.Parse(sent)!;
        Assert.Equal(ArabicSamples.TwoParagraphs, original["messages"]![1]!["content"]!.GetValue<string>());
        Assert.Equal(8192, original["options"]!["num_ctx"]!.GetValue<int>());
        Assert.True(original["stream"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(replayed)), $"sent {original.ToJsonString()}\nreplayed {replayed.Length} bytes: {JsonNode.Parse(replayed)!.ToJsonString()}");
    }

    [Fact]
    public async Task NothingIsRecordedUnlessAsked()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        await client.GetResponseAsync(ArabicSamples.TwoParagraphs, cancellationToken: ArabicSamples.Timeout);
        emulator.StartRecordingChatBodies();
        await client.GetResponseAsync(ArabicSamples.LongParagraph, cancellationToken: ArabicSamples.Timeout);
        var recorded = emulator.StopRecordingChatBodies();
        await client.GetResponseAsync(ArabicSamples.TwoParagraphs, cancellationToken: ArabicSamples.Timeout);

        Assert.Equal(ArabicSamples.LongParagraph, JsonNode.Parse(Assert.Single(recorded))!["messages"]![0]!["content"]!.GetValue<string>());
        Assert.Empty(emulator.StopRecordingChatBodies());
    }
}
