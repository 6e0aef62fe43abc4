using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;
using Grid.OllamaEmulator.Content;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Llm;

/// <summary>The glossary call, glossary and context in the translation prompt, and the reflect mode, through the gateway to the emulator.</summary>
public sealed class GlossaryAndReflectionTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person");

    [Fact]
    public async Task TheGlossaryAndTheContextRideInAnEarlierUserTurnTheInstructionsInTheSystemMessageAndTheSourceIsTheLastUserMessageAlone()
    {
        await using var harness = await LlmHarness.StartAsync();
        var request = new ChunkTranslationRequest(LlmSamples.SecondParagraph, 1, "article-1", [Kirby], Context: "قال المتحدث.");

        var result = await harness.Translator.TranslateAsync(request, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Contains("Kirby", result.English[0]);
        var sent = Assert.Single(harness.ChatRequests);
        Assert.Equal($"<source>\n{LlmSamples.SecondParagraph}\n</source>", sent.LastUserMessage);
        Assert.Contains(TranslationPrompt.GlossaryInstruction, sent.System);
        Assert.DoesNotContain("كيربي", sent.System);
        Assert.Contains("Do not translate it", sent.System);
        Assert.DoesNotContain("قال المتحدث", sent.System);
        Assert.Equal($"<glossary>\n- كيربي => Kirby [person]\n</glossary>\n<context>\nقال المتحدث.\n</context>\n\n{TranslationPrompt.ReferenceAcknowledged}", sent.EarlierTurns);
        Assert.Equal(4, sent.MessageCount);
        Assert.Equal([UsageStages.Translate], result.Stages.Select(stage => stage.Stage));
    }

    [Fact]
    public async Task ReflectMakesThreeCallsPerChunkCountedByStageAndFastMakesOne()
    {
        await using var harness = await LlmHarness.StartAsync();

        var fast = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest with { Glossary = [Kirby] }, LlmHarness.Timeout);
        var fastCalls = harness.ChatRequests.Count;
        var reflect = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest with { Glossary = [Kirby], Mode = TranslationMode.Reflect }, LlmHarness.Timeout);

        Assert.Equal(1, fastCalls);
        Assert.Equal(1, fast.Usage.Calls);
        Assert.True(reflect.Succeeded, reflect.FailureDetail);
        Assert.Equal(3, reflect.Usage.Calls);
        Assert.Equal([UsageStages.Translate, UsageStages.Critique, UsageStages.Improve], reflect.Stages.Select(stage => stage.Stage));
        Assert.All(reflect.Stages, stage => Assert.Equal(1, stage.Usage.Calls));
        Assert.Equal(reflect.Usage.InputTokens, reflect.Stages.Sum(stage => stage.Usage.InputTokens));

        var (critique, improve) = (harness.ChatRequests[^2], harness.ChatRequests[^1]);
        Assert.Equal(Grid.OllamaEmulator.Content.RequestTasks.Critique, critique.Task);
        Assert.Contains("<translation>", critique.LastUserMessage);
        Assert.Equal($"<source>\n{LlmSamples.TwoParagraphs}\n</source>", improve.LastUserMessage);
        Assert.Contains("<notes>\nNo changes needed.\n</notes>", improve.EarlierTurns);
        Assert.Contains($"<draft>\n{string.Join("\n\n", fast.English)}\n</draft>", improve.EarlierTurns);
        Assert.DoesNotContain("<notes>\n", improve.System);
        Assert.DoesNotContain(fast.English[0], improve.System);
        Assert.Equal(fast.English.ToArray(), reflect.English.ToArray());
    }

    [Fact]
    public async Task TheGlossaryCallListsTheArticlesRecurringQuotedNames()
    {
        await using var harness = await LlmHarness.StartAsync();
        var extractor = harness.Services.GetRequiredService<GlossaryExtractor>();

        var extraction = await extractor.ExtractAsync([LlmSamples.FirstParagraph, LlmSamples.SecondParagraph], LlmHarness.Timeout);

        Assert.Null(extraction.Warning);
        var entry = Assert.Single(extraction.Entries);
        Assert.Equal(("كيربي", Transliteration.ToLatin("كيربي"), GlossaryOrigin.Extracted), (entry.Source, entry.English, entry.Origin));
        Assert.Equal(1, extraction.Usage.Calls);
        Assert.Equal(1, harness.Emulator.Stats.GlossaryRequests);
    }

    [Fact]
    public async Task AnArticleLongerThanTheContextHasItsGlossaryExtractedWindowByWindowWithNothingCut()
    {
        // A small context: the whole article in one glossary call would be cut silently by the backend.
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["ContextTokens"] = "1024" });
        var extractor = harness.Services.GetRequiredService<GlossaryExtractor>();
        const string filler = "وأضاف المتحدث أن الاجتماع المقبل سيتناول التعاون الأمني والاقتصادي بين البلدين خلال الأشهر المقبلة بحضور عدد من المسؤولين.";
        const string firstHussein = "وقال وزير الخارجية “فؤاد حسين” إن بلاده ستطرح مسألة جدولة انسحاب القوات خلال الجولة الرابعة من المباحثات.";
        const string secondHussein = "وأوضح “فؤاد حسين” أن الحكومة ترى أن الوقت قد حان لإنهاء وجود القوات القتالية الأجنبية في العراق.";
        string[] article = [LlmSamples.FirstParagraph, LlmSamples.SecondParagraph, .. Enumerable.Repeat(filler, 16), firstHussein, secondHussein];

        var extraction = await extractor.ExtractAsync(article, LlmHarness.Timeout);

        Assert.Null(extraction.Warning);
        Assert.Contains(extraction.Entries, entry => entry.Source == "كيربي");
        Assert.Contains(extraction.Entries, entry => entry.Source == "فؤاد حسين");
        var calls = harness.Emulator.Requests.Where(request => request.Task == RequestTasks.Glossary).ToList();
        Assert.True(calls.Count > 1, $"{calls.Count} glossary call(s) for an article longer than the context");
        Assert.Equal(calls.Count, extraction.Usage.Calls);
        Assert.All(calls, call => Assert.Equal(call.PromptTokens, call.PromptEvalCount));
    }

    [Fact]
    public async Task AGlossaryAnswerThatIsNotJsonFallsBackToNoGlossaryWithAWarning()
    {
        // A preamble before the JSON: every attempt is garbage to the validator.
        await using var harness = await LlmHarness.StartAsync(faults: settings => settings with { FaultPreamble = 1 });
        var extractor = harness.Services.GetRequiredService<GlossaryExtractor>();

        var extraction = await extractor.ExtractAsync([LlmSamples.FirstParagraph, LlmSamples.SecondParagraph], LlmHarness.Timeout);

        Assert.Empty(extraction.Entries);
        Assert.Contains("glossary could not be extracted", extraction.Warning);
        Assert.Contains("not JSON", extraction.Warning);
        Assert.Equal(LlmHarness.MaxAttempts, extraction.Usage.Calls);
    }
}
