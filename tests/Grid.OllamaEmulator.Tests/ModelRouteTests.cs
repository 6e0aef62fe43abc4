using OllamaSharp;
using OllamaSharp.Models;

namespace Grid.OllamaEmulator.Tests;

public sealed class ModelRouteTests
{
    [Fact]
    public async Task TheServerSaysItIsRunningAndGivesAVersion()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http);

        Assert.Equal("Ollama is running", await http.GetStringAsync("", ArabicSamples.Timeout));
        Assert.True(await ollama.IsRunningAsync(ArabicSamples.Timeout));
        Assert.False(string.IsNullOrEmpty(await ollama.GetVersionAsync(ArabicSamples.Timeout)));
    }

    [Fact]
    public async Task TheConfiguredModelsAreListedAndShown()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0, Models = "qwen2.5:7b, llama3.2" });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http);

        var models = (await ollama.ListLocalModelsAsync(ArabicSamples.Timeout)).Select(model => model.Name).ToList();
        var show = await ollama.ShowModelAsync(new ShowModelRequest { Model = ArabicSamples.Model }, ArabicSamples.Timeout);
        var missing = await Assert.ThrowsAsync<HttpRequestException>(() => ollama.ShowModelAsync(new ShowModelRequest { Model = "nope" }, ArabicSamples.Timeout));

        Assert.Equal(["llama3.2:latest", "qwen2.5:7b"], models);
        Assert.Equal("qwen2", show.Details.Family);
        Assert.Equal("gguf", show.Details.Format);
        Assert.Contains("completion", show.Capabilities ?? []);
        Assert.Equal(32768, ((System.Text.Json.JsonElement)show.Info.ExtraInfo!["qwen2.context_length"]).GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PullStreamsProgressEndingInSuccessAndAddsTheModel()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http);

        var statuses = new List<string>();
        await foreach (var progress in ollama.PullModelAsync(new PullModelRequest { Model = "gemma3:4b" }, ArabicSamples.Timeout))
            statuses.Add(progress!.Status);

        Assert.Equal("pulling manifest", statuses[0]);
        Assert.Equal("success", statuses[^1]);
        Assert.Contains("gemma3:4b", (await ollama.ListLocalModelsAsync(ArabicSamples.Timeout)).Select(model => model.Name));
    }

    [Fact]
    public async Task AModelThatAnsweredIsListedAsRunning()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new() { TokensPerSecond = 0 });
        using var http = emulator.CreateHttpClient();
        var ollama = new OllamaApiClient(http);
        Assert.Empty(await ollama.ListRunningModelsAsync(ArabicSamples.Timeout));

        (await http.PostAsync("api/chat", ErrorTests.ChatBody("كتاب"), ArabicSamples.Timeout)).Dispose();

        var running = Assert.Single(await ollama.ListRunningModelsAsync(ArabicSamples.Timeout));
        Assert.Equal(ArabicSamples.Model, running.Name);
        Assert.True(running.ExpiresAt > DateTime.UtcNow);
    }
}
