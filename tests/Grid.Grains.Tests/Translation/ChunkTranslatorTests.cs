using Grid.Abstractions.Translation;
using Grid.OllamaEmulator;

namespace Grid.Grains.Tests.Llm;

/// <summary>ChunkTranslator through the gateway and OllamaSharp to the emulator, on answers that work or can be repaired.</summary>
public sealed class ChunkTranslatorTests
{
    [Fact]
    public async Task ATranslationComesBackAsTheTransliterationSplitIntoAsManyParagraphsAsTheRequestHasSegments()
    {
        await using var harness = await LlmHarness.StartAsync();

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmFailureKind.None, result.Failure);
        Assert.Null(result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.Empty(result.Repairs);
        Assert.Equal("article-1", result.ProducedFor);
        var request = Assert.Single(harness.ChatRequests);
        Assert.Equal(RequestOutcomes.Ok, request.Outcome);
        Assert.Equal(1, result.Usage.Calls);
        Assert.Equal(request.PromptEvalCount, result.Usage.InputTokens);
        Assert.Equal(request.EvalCount, result.Usage.OutputTokens);
    }

    [Fact]
    public async Task ASinglePieceChunkComesBackAsOneParagraph()
    {
        await using var harness = await LlmHarness.StartAsync();

        var result = await harness.Translator.TranslateAsync(new(LlmSamples.FirstParagraph, 1, "article-1"), LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(Transliteration.ToLatin(LlmSamples.FirstParagraph), Assert.Single(result.English));
    }

    [Fact]
    public async Task APreambleBeforeTheTranslationIsRemovedAndReportedAsARepair()
    {
        await using var harness = await LlmHarness.StartAsync(faults: s => s with { FaultPreamble = 1 });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.Contains(result.Repairs, repair => repair.Contains("preamble", StringComparison.OrdinalIgnoreCase));
        var request = Assert.Single(harness.ChatRequests);
        Assert.Equal(RequestOutcomes.FaultPreamble, request.Outcome);
    }
}
