using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;

namespace Grid.OllamaEmulator.Tests;

public sealed class ChatThroughOllamaSharpTests
{
    [Fact]
    public async Task NativeStreamingChatDeliversTheTransliterationInSeveralChunksAndADoneItem()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http, ArabicSamples.Model);
        var request = new ChatRequest
        {
            Model = ArabicSamples.Model,
            Messages = [new Message(OllamaSharp.Models.Chat.ChatRole.User, ArabicSamples.TwoParagraphs)],
            Options = new RequestOptions { NumCtx = 8192, Temperature = 0, Seed = 7 },
        };

        var chunks = new List<ChatResponseStream?>();
        await foreach (var chunk in ollama.ChatAsync(request, ArabicSamples.Timeout))
            chunks.Add(chunk);

        Assert.True(chunks.Count > 3);
        var done = Assert.IsType<ChatDoneResponseStream>(chunks[^1]);
        Assert.Equal("stop", done.DoneReason);
        Assert.True(done.PromptEvalCount > 0);
        Assert.Equal(TokenEstimator.Count(Transliteration.ToLatin(ArabicSamples.TwoParagraphs)), done.EvalCount);
        Assert.True(done.TotalDuration > 0);
        var text = string.Concat(chunks.Select(chunk => chunk?.Message?.Content));
        Assert.Equal(Transliteration.ToLatin(ArabicSamples.TwoParagraphs), text);
    }

    [Fact]
    public async Task TheChatClientAnswersInOnePieceWithStopAndUsage()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var response = await client.GetResponseAsync(
            [new(Microsoft.Extensions.AI.ChatRole.System, "Translate to English."), new(Microsoft.Extensions.AI.ChatRole.User, ArabicSamples.TwoParagraphs)],
            new ChatOptions { Temperature = 0, Seed = 7 },
            ArabicSamples.Timeout);

        Assert.Equal(Transliteration.ToLatin(ArabicSamples.TwoParagraphs), response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(response.Usage?.InputTokenCount > 0);
        Assert.Equal(TokenEstimator.Count(response.Text), response.Usage?.OutputTokenCount);
        Assert.False(Assert.Single(emulator.Requests).Stream);
    }

    [Fact]
    public async Task TheChatClientStreamsUpdatesThatEndWithAStopFinishReason()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(ArabicSamples.LongParagraph, cancellationToken: ArabicSamples.Timeout))
            updates.Add(update);

        Assert.True(updates.Count > 3);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Equal(Transliteration.ToLatin(ArabicSamples.LongParagraph), string.Concat(updates.Select(update => update.Text)));
        Assert.True(Assert.Single(emulator.Requests).Stream);
    }

    [Fact]
    public async Task GenerateAnswersInTheResponseField()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http, ArabicSamples.Model);

        var done = await ollama.GenerateAsync(new GenerateRequest { Model = ArabicSamples.Model, Prompt = ArabicSamples.TwoParagraphs, System = "Translate." }, ArabicSamples.Timeout)
            .StreamToEndAsync();

        Assert.NotNull(done);
        Assert.Equal(Transliteration.ToLatin(ArabicSamples.TwoParagraphs), done.Response);
        Assert.Equal("stop", done.DoneReason);
        var record = Assert.Single(emulator.Requests);
        Assert.Equal(RequestKinds.Generate, record.Kind);
        Assert.Equal("Translate.", record.System);
    }
}
