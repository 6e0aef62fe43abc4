using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Llm;

/// <summary>Several endpoints behind one gateway: work goes to the least busy one in rotation, and away from one that keeps failing.</summary>
public sealed class EndpointRotationTests
{
    private const int Chunks = 20;

    [Fact]
    public async Task AnEndpointThatRefusesConnectionsLeavesRotationAndTheOtherTranslatesEveryChunk()
    {
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Models = LlmHarness.Model, Slots = 2, TokensPerSecond = 0 });
        var closed = $"http://127.0.0.1:{LlmFailureTests.ClosedPort()}";
        await using var services = LlmHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Model"] = LlmHarness.Model,
            ["Endpoints:0:Url"] = closed,
            ["Endpoints:0:Slots"] = "2",
            ["Endpoints:1:Url"] = emulator.BaseAddress.ToString(),
            ["Endpoints:1:Slots"] = "2",
            ["RetryDelay"] = "00:00:00.010",
            ["CircuitFailures"] = "3",
            ["CircuitBreakTime"] = "00:10:00",
            ["CircuitMaxBreakTime"] = "00:10:00",
        });
        var translator = services.GetRequiredService<Grid.Grains.Translation.ChunkTranslator>();

        var results = await Task.WhenAll(Enumerable.Range(0, Chunks).Select(_ => translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureDetail));
        Assert.Equal(Chunks, emulator.Stats.Outcome(RequestOutcomes.Ok));
        var deadSlots = await services.GetRequiredService<ILlmSlotDirectory>().For(closed).GetUsageAsync();
        Assert.Equal(CircuitState.Open, deadSlots.Circuit);
        Assert.InRange(deadSlots.ConsecutiveFailures, 3, 4); // a call already running when the circuit opened fails too
    }

    [Fact]
    public async Task AnEndpointWithoutTheModelIsLeftAsideAndTheOtherTranslatesEveryChunk()
    {
        await using var withModel = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Models = LlmHarness.Model, Slots = 2, TokensPerSecond = 0 });
        await using var without = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Models = "llama3.1:8b", Slots = 2, TokensPerSecond = 0 });
        await using var services = LlmHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Model"] = LlmHarness.Model,
            ["Endpoints:0:Url"] = without.BaseAddress.ToString(),
            ["Endpoints:0:Slots"] = "2",
            ["Endpoints:1:Url"] = withModel.BaseAddress.ToString(),
            ["Endpoints:1:Slots"] = "2",
            ["RetryDelay"] = "00:00:00.010",
        });
        var translator = services.GetRequiredService<Grid.Grains.Translation.ChunkTranslator>();

        var results = await Task.WhenAll(Enumerable.Range(0, Chunks).Select(_ => translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureDetail));
        Assert.Equal(Chunks, withModel.Stats.Outcome(RequestOutcomes.Ok));
        // Each chunk meets the missing model at most once: its retry goes to the other endpoint.
        Assert.InRange(without.Stats.Outcome(RequestOutcomes.NotFound), 1, Chunks);
        var endpoint = services.GetRequiredService<LlmEndpointPool>().Endpoints[0];
        Assert.False(endpoint.Health.ModelPresent);
        Assert.Contains("ollama pull", endpoint.Health.Problem);
    }

    [Fact]
    public async Task ChunksAreSpreadOverEndpointsAndNoneGetsMoreAtOnceThanItsSlots()
    {
        var options = new EmulatorOptions { Models = LlmHarness.Model, Slots = 2, TokensPerSecond = 2000 };
        await using var first = await OllamaEmulatorServer.StartAsync(options);
        await using var second = await OllamaEmulatorServer.StartAsync(options);
        await using var services = LlmHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Model"] = LlmHarness.Model,
            ["Endpoints:0:Url"] = first.BaseAddress.ToString(),
            ["Endpoints:0:Slots"] = "2",
            ["Endpoints:1:Url"] = second.BaseAddress.ToString(),
            ["Endpoints:1:Slots"] = "2",
        });
        var translator = services.GetRequiredService<Grid.Grains.Translation.ChunkTranslator>();

        var results = await Task.WhenAll(Enumerable.Range(0, Chunks).Select(_ => translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout)));

        Assert.All(results, result => Assert.True(result.Succeeded, result.FailureDetail));
        Assert.All(new[] { first.Stats, second.Stats }, stats =>
        {
            Assert.Equal(2, stats.MaxConcurrent);
            Assert.Equal(0, stats.MaxQueued);
        });
        Assert.Equal(Chunks, first.Stats.TranslationRequests + second.Stats.TranslationRequests);
    }
}
