using System.Net;
using System.Text;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OllamaSharp.Models.Chat;
using OllamaSharp.Models.Exceptions;

namespace Grid.OllamaEmulator.Tests;

public sealed class ErrorTests
{
    private const string ServerBusy = "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}";

    [Fact]
    public async Task AnUnknownModelAnswers404WithOllamasMessage()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var raw = await http.PostAsync("api/chat", Json("{\"model\":\"nope:1b\",\"messages\":[{\"role\":\"user\",\"content\":\"مرحبا\"}]}"), ArabicSamples.Timeout);

        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.Equal("application/json", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"error\":\"model 'nope:1b' not found\"}", await raw.Content.ReadAsStringAsync(ArabicSamples.Timeout));
        Assert.Equal(RequestOutcomes.NotFound, Assert.Single(emulator.Requests).Outcome);
    }

    [Fact]
    public async Task OllamaSharpSurfacesA404AsAPlainHttpRequestExceptionWithoutTheBody()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, "nope:1b");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("مرحبا", cancellationToken: ArabicSamples.Timeout));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.IsNotType<OllamaException>(error);
        Assert.DoesNotContain("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestPastAFullQueueGets503WithOllamasExactBody()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { Slots = 1, MaxQueue = 1, TokensPerSecond = 1 });
        using var http = emulator.CreateHttpClient();
        var cancel = ArabicSamples.Timeout;

        var first = http.PostAsync("api/chat", ChatBody(ArabicSamples.LongParagraph), cancel);
        await emulator.WaitUntilAsync(stats => stats.InFlight == 1, cancel);
        var second = http.PostAsync("api/chat", ChatBody(ArabicSamples.LongParagraph), cancel);
        await emulator.WaitUntilAsync(stats => stats.Queued == 1, cancel);

        using var third = await http.PostAsync("api/chat", ChatBody(ArabicSamples.LongParagraph), cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(ServerBusy, await third.Content.ReadAsStringAsync(cancel));

        emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        using var firstResponse = await first;
        using var secondResponse = await second;
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
        var stats = emulator.Stats;
        Assert.Equal(1, stats.Outcome(RequestOutcomes.Busy));
        Assert.Equal(2, stats.Outcome(RequestOutcomes.Ok));
        Assert.Equal(1, stats.MaxConcurrent);
    }

    [Fact]
    public async Task OllamaSharpSurfacesA503AsAPlainHttpRequestException()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultBusy = 1 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http, ArabicSamples.Model);

        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var _ in ollama.ChatAsync(new ChatRequest { Messages = [new Message(OllamaSharp.Models.Chat.ChatRole.User, "مرحبا")] }, ArabicSamples.Timeout))
            {
            }
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(RequestOutcomes.FaultBusy, Assert.Single(emulator.Requests).Outcome);
    }

    [Fact]
    public async Task AMalformedRequestAnswers400AndOllamaSharpRaisesOllamaExceptionWithTheMessage()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();

        using var raw = await http.PostAsync("api/chat", Json("{\"model\":"), ArabicSamples.Timeout);
        using var empty = await http.PostAsync("api/chat", Json(""), ArabicSamples.Timeout);
        using var noModel = await http.PostAsync("api/chat", Json("{\"messages\":[]}"), ArabicSamples.Timeout);
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.StartsWith("{\"error\":", await raw.Content.ReadAsStringAsync(ArabicSamples.Timeout), StringComparison.Ordinal);
        Assert.Equal("{\"error\":\"missing request body\"}", await empty.Content.ReadAsStringAsync(ArabicSamples.Timeout));
        Assert.Equal("{\"error\":\"model is required\"}", await noModel.Content.ReadAsStringAsync(ArabicSamples.Timeout));

        // Thinking on a model that cannot think is a 400 in Ollama, and the one error OllamaSharp turns into OllamaException.
        var ollama = new OllamaApiClient(http, ArabicSamples.Model);
        var error = await Assert.ThrowsAsync<OllamaException>(async () =>
        {
            await foreach (var _ in ollama.ChatAsync(new ChatRequest { Messages = [new Message(OllamaSharp.Models.Chat.ChatRole.User, "مرحبا")], Think = true }, ArabicSamples.Timeout))
            {
            }
        });
        Assert.Equal("\"qwen2.5:7b\" does not support thinking", error.Message);
        Assert.Equal(4, emulator.Stats.Outcome(RequestOutcomes.BadRequest));
    }

    [Fact]
    public async Task AMidStreamErrorIsAnErrorLineAfterA200()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultMidstreamError = 1 });
        using var http = emulator.CreateHttpClient();

        using var response = await http.PostAsync("api/chat", ChatBody(ArabicSamples.LongParagraph), ArabicSamples.Timeout);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(ArabicSamples.Timeout)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2);
        Assert.All(lines[..^1], line => Assert.Contains("\"done\":false", line, StringComparison.Ordinal));
        Assert.Equal("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}", lines[^1]);
        Assert.Equal(RequestOutcomes.FaultMidstreamError, Assert.Single(emulator.Requests).Outcome);
    }

    [Fact]
    public async Task OllamaSharpsNativeChatDoesNotRaiseAMidStreamErrorAndYieldsNoDoneItem()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultMidstreamError = 1 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http, ArabicSamples.Model);
        var request = new ChatRequest { Messages = [new Message(OllamaSharp.Models.Chat.ChatRole.User, ArabicSamples.LongParagraph)] };

        var chunks = new List<ChatResponseStream?>();
        await foreach (var chunk in ollama.ChatAsync(request, ArabicSamples.Timeout))
            chunks.Add(chunk);

        Assert.DoesNotContain(chunks, chunk => chunk?.Done == true);
        // The error line arrives as an item with no message.
        Assert.Null(chunks[^1]?.Message);
        var appended = await Assert.ThrowsAsync<InvalidOperationException>(() => ollama.ChatAsync(request, ArabicSamples.Timeout).StreamToEndAsync());
        Assert.Contains("did not yield an item with Done=true", appended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheChatClientStreamEndsWithoutAFinishReasonOnAMidStreamError()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultMidstreamError = 1 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(ArabicSamples.LongParagraph, cancellationToken: ArabicSamples.Timeout))
            updates.Add(update);

        Assert.NotEmpty(updates);
        Assert.All(updates, update => Assert.Null(update.FinishReason));
        Assert.True(string.Concat(updates.Select(update => update.Text)).Length < Transliteration.ToLatin(ArabicSamples.LongParagraph).Length);
    }

    [Fact]
    public async Task WithoutStreamingARunnerErrorIsA500ThatOllamaSharpRaisesAsHttpRequestException()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultMidstreamError = 1 });
        using var http = emulator.CreateHttpClient();
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync(ArabicSamples.LongParagraph, cancellationToken: ArabicSamples.Timeout));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task AHangingRequestHoldsItsSlotUntilTheClientGivesUp()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultHang = 1 });
        using var http = emulator.CreateHttpClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ArabicSamples.Timeout);

        var hanging = http.PostAsync("api/chat", ChatBody("مرحبا"), giveUp.Token);
        await emulator.WaitUntilAsync(stats => stats.InFlight == 1, ArabicSamples.Timeout);
        Assert.False(hanging.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
        var stats = await emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Recent.Count == 1, ArabicSamples.Timeout);
        Assert.Equal(RequestOutcomes.FaultHang, stats.Recent[0].Outcome);
        Assert.Equal(499, stats.Recent[0].Status);
    }

    [Fact]
    public async Task AStallingStreamSendsItsHeadersAndPartOfTheAnswerThenHoldsItsSlotUntilTheClientHangsUp()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, FaultStall = 1 });
        using var http = emulator.CreateHttpClient();
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(ArabicSamples.Timeout);

        using var response = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = ChatBody(ArabicSamples.LongParagraph) }, HttpCompletionOption.ResponseHeadersRead, giveUp.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync(giveUp.Token));
        var firstLine = await body.ReadLineAsync(giveUp.Token);
        Assert.Contains("\"done\":false", firstLine);
        // Part of the answer came; the rest never does while the client waits, and the slot stays taken.
        var next = body.ReadToEndAsync(giveUp.Token);
        var stalled = await emulator.WaitUntilAsync(stats => stats.InFlight == 1, ArabicSamples.Timeout);
        Assert.Empty(stalled.Recent);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next);
        var stats = await emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Recent.Count == 1, ArabicSamples.Timeout);
        Assert.Equal(RequestOutcomes.FaultStall, stats.Recent[0].Outcome);
        Assert.Equal(499, stats.Recent[0].Status);
    }

    internal static StringContent ChatBody(string userMessage, string extraFields = "") =>
        Json($$"""{"model":"{{ArabicSamples.Model}}","messages":[{"role":"user","content":{{System.Text.Json.JsonSerializer.Serialize(userMessage)}}}]{{extraFields}}}""");

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
