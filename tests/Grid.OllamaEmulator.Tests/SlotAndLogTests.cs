using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Grid.OllamaEmulator.Tests;

public sealed class SlotAndLogTests
{
    [Fact]
    public async Task TwoSlotsServeTwoRequestsAtOnceAndQueueTheRest()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { Slots = 2, TokensPerSecond = 1 });
        using var http = emulator.CreateHttpClient();
        var cancel = ArabicSamples.Timeout;

        var requests = Enumerable.Range(0, 4).Select(_ => http.PostAsync("api/chat", ErrorTests.ChatBody(ArabicSamples.LongParagraph), cancel)).ToList();
        await emulator.WaitUntilAsync(stats => stats.InFlight == 2 && stats.Queued == 2, cancel);
        emulator.UpdateSettings(settings => settings with { TokensPerSecond = 0 });
        var responses = await Task.WhenAll(requests);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var stats = await emulator.WaitUntilAsync(stats => stats.Recent.Count == 4, cancel);
        Assert.Equal(2, stats.MaxConcurrent);
        Assert.Equal(2, stats.MaxQueued);
        Assert.Equal(0, stats.InFlight);
        Assert.Equal(4, stats.Kind(RequestKinds.Chat));
        Assert.Equal(4, stats.TranslationRequests);
        Assert.True(stats.BusyMilliseconds > 0);
        foreach (var response in responses)
            response.Dispose();
    }

    [Fact]
    public async Task TheRequestLogRecordsOptionsThinkKeepAliveAndTraceparent()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        const string traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        http.DefaultRequestHeaders.Add("traceparent", traceparent);
        IChatClient client = new OllamaApiClient(http, ArabicSamples.Model);
        var options = new ChatOptions
        {
            Temperature = 0,
            Seed = 42,
            MaxOutputTokens = 900,
            AdditionalProperties = new() { ["num_ctx"] = 8192, ["think"] = false, ["keep_alive"] = "30m" },
        };

        await client.GetResponseAsync([new(ChatRole.System, "Translate."), new(ChatRole.User, "<source>كتاب</source>")], options, ArabicSamples.Timeout);

        var record = Assert.Single(emulator.Requests);
        Assert.Equal(RequestKinds.Chat, record.Kind);
        Assert.Equal(ArabicSamples.Model, record.Model);
        Assert.Equal("<source>كتاب</source>", record.LastUserMessage);
        Assert.Equal("Translate.", record.System);
        Assert.Equal(new RecordedOptions(NumCtx: 8192, Temperature: 0, Seed: 42, NumPredict: 900), record.Options);
        Assert.Equal("false", record.Think);
        Assert.Equal("30m", record.KeepAlive);
        Assert.False(record.FormatPresent);
        Assert.Equal(traceparent, record.Traceparent);
        Assert.Equal(200, record.Status);
        Assert.Equal(RequestOutcomes.Ok, record.Outcome);
        Assert.Equal("stop", record.DoneReason);
    }

    [Fact]
    public async Task TheStatsRouteServesCamelCaseCountersAndResetClearsThem()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        (await http.PostAsync("api/chat", ErrorTests.ChatBody("كتاب"), ArabicSamples.Timeout)).Dispose();
        (await http.GetAsync("api/tags", ArabicSamples.Timeout)).Dispose();

        using var stats = JsonDocument.Parse(await http.GetStringAsync("_emulator/stats", ArabicSamples.Timeout));
        var root = stats.RootElement;
        Assert.Equal(1, root.GetProperty("requestsByKind").GetProperty("chat").GetInt32());
        Assert.Equal(1, root.GetProperty("requestsByKind").GetProperty("tags").GetInt32());
        Assert.Equal(2, root.GetProperty("requestsByOutcome").GetProperty("ok").GetInt32());
        Assert.Equal(1, root.GetProperty("translationRequests").GetInt32());
        Assert.Equal(1, root.GetProperty("maxConcurrent").GetInt32());
        Assert.Equal(0, root.GetProperty("inFlight").GetInt32());
        Assert.Equal(0, root.GetProperty("queued").GetInt32());
        Assert.True(root.GetProperty("busyMilliseconds").GetDouble() >= 0);
        Assert.Equal("chat", root.GetProperty("recent")[0].GetProperty("kind").GetString());
        var parsed = JsonSerializer.Deserialize(root.GetRawText(), EmulatorJsonContext.Default.EmulatorStatsSnapshot);
        Assert.Equal(2, parsed?.Recent.Count);

        using var reset = await http.PostAsync("_emulator/reset", null, ArabicSamples.Timeout);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(emulator.Stats.Recent);
        Assert.Empty(emulator.Stats.RequestsByKind);
        Assert.Equal(0, emulator.Stats.MaxConcurrent);
    }
}
