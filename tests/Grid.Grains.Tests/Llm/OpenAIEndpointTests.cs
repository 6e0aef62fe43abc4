using Grid.Abstractions.Translation;
using Grid.OllamaEmulator;

namespace Grid.Grains.Tests.Llm;

/// <summary>An OpenAI-compatible endpoint (vLLM), through Microsoft.Extensions.AI's OpenAI client, against the emulator's <c>/v1</c> routes.</summary>
public sealed class OpenAIEndpointTests
{
    private static readonly Dictionary<string, string?> OpenAI = new() { ["Endpoints:0:Kind"] = "OpenAI" };

    [Fact]
    public async Task AChunkIsTranslatedWithTemperatureZeroTheFixedSeedAndAnOutputLimit()
    {
        await using var harness = await LlmHarness.StartAsync(settings: OpenAI);

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.True(result.Usage.InputTokens > 0 && result.Usage.OutputTokens > 0, "usage comes back in the stream");
        var request = Assert.Single(OpenAIRequests(harness));
        Assert.True(request.Stream);
        Assert.Equal(0.0, request.Options?.Temperature);
        Assert.Equal(LlmHarness.Seed, request.Options?.Seed);
        Assert.True(request.Options?.NumPredict > 0);
        Assert.Equal($"<source>\n{LlmSamples.TwoParagraphs}\n</source>", request.LastUserMessage);
        Assert.Equal(0, harness.Emulator.Stats.Kind(RequestKinds.Chat));
    }

    [Fact]
    public async Task TheSummaryIsAskedWithAJsonSchemaResponseFormat()
    {
        await using var harness = await LlmHarness.StartAsync(settings: OpenAI);

        var summary = await harness.Summarizer.SummarizeAsync("Pentagon hosts Iraqi officials", LlmSamples.EnglishArticle, LlmHarness.Timeout);

        Assert.False(string.IsNullOrWhiteSpace(summary.Summary.En));
        Assert.False(string.IsNullOrWhiteSpace(summary.Summary.Ar));
        var request = Assert.Single(OpenAIRequests(harness));
        Assert.True(request.Structured);
    }

    [Fact]
    public async Task AModelTheServerDoesNotServeFailsFastSayingHowToStartIt()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?>(OpenAI) { ["Model"] = "Qwen/Qwen2.5-7B-Instruct" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.Equal(LlmFailureKind.ModelMissing, result.Failure);
        Assert.Contains("vLLM: --model", result.FailureDetail);
        Assert.Contains("/v1/models", result.FailureDetail);
        Assert.Single(OpenAIRequests(harness));
    }

    [Fact]
    public async Task BusyAnswersAreWaitedOutAndBrokenStreamsRetriedLikeOllamasAndTruncationIsCaught()
    {
        // The circuit stays closed, so that each fault is seen on its own.
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultBusy = 1 },
            settings: new Dictionary<string, string?>(OpenAI) { ["CircuitFailures"] = "100", ["GiveUpAfter"] = "00:00:00.300", ["MaxRetryDelay"] = "00:00:00.050" });
        var busy = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);
        harness.Emulator.UpdateSettings(s => s with { FaultBusy = 0, FaultMidstreamError = 1 });
        var broken = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);
        harness.Emulator.UpdateSettings(s => s with { FaultMidstreamError = 0, FaultTruncate = 1 });
        var truncated = await harness.Translator.TranslateAsync(LlmSamples.OneParagraphRequest, LlmHarness.Timeout);

        Assert.Equal(LlmFailureKind.NoBackend, busy.Failure);
        Assert.Contains("503", busy.FailureDetail);
        Assert.Equal(0, busy.Usage.Calls);
        Assert.Equal(LlmFailureKind.BackendUnavailable, broken.Failure);
        Assert.Contains("ended without its final line", broken.FailureDetail);
        Assert.Equal(LlmFailureKind.InvalidAnswer, truncated.Failure);
        Assert.Contains("cut off (done_reason 'length')", truncated.FailureDetail);
        Assert.Equal(2 * LlmHarness.MaxAttempts, OpenAIRequests(harness).Count(request => request.Outcome != RequestOutcomes.FaultBusy));
    }

    private static List<RequestRecord> OpenAIRequests(LlmHarness harness) =>
        [.. harness.Emulator.Requests.Where(request => request.Kind == RequestKinds.OpenAIChat)];
}
