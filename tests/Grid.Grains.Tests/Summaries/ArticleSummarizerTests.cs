using Grid.Grains.Text;
using Grid.OllamaEmulator;

namespace Grid.Grains.Tests.Llm;

/// <summary>ArticleSummarizer's structured calls against the emulator, for articles that fit the context and ones that do not.</summary>
public sealed class ArticleSummarizerTests
{
    /// <summary>Five paragraphs of about 235 characters: 1,176 in all, more than the 1,024 a 512-token context leaves for the article.</summary>
    private static readonly IReadOnlyList<string> LongEnglishArticle =
    [
        "The Pentagon hosted a delegation of Iraqi military officials on Thursday for talks on four files, according to spokesman John Kirby. He said the meeting was part of the strategic dialogue between Washington and Baghdad that began last year.",
        "Kirby told state television that the talks would cover the technical side of the military relationship. He added that the two countries want a long partnership in direct security cooperation that goes beyond the fight against terrorism.",
        "The spokesman said that the meeting would also discuss a range of security threats facing Iraq. He repeated that the president is ready to take the measures needed to protect Americans, and that the Iraqi partners understand this.",
        "Iraqi Foreign Minister Fuad Hussein said earlier that Baghdad will ask for a timetable for the withdrawal of American combat forces. He said Iraq still needs the international coalition for support, training and advice to its army.",
        "Hussein said the fourth round of the strategic talks between the two governments is set for Friday. He said the combat forces must leave, but that the joint work against the Islamic State group has to continue after they have gone.",
    ];

    [Fact]
    public async Task AnArticleThatFitsIsSummarizedInOneStructuredCallWithEnglishInLatinScriptArabicInArabicScriptAndKeyPoints()
    {
        await using var harness = await LlmHarness.StartAsync();

        var result = await harness.Summarizer.SummarizeAsync("Pentagon hosts Iraqi officials", LlmSamples.EnglishArticle, LlmHarness.Timeout);

        var request = Assert.Single(harness.ChatRequests);
        Assert.True(request.FormatPresent);
        Assert.True(request.Structured);
        Assert.Equal(RequestOutcomes.Ok, request.Outcome);
        Assert.StartsWith("<article>\nTitle: Pentagon hosts Iraqi officials\n\n", request.LastUserMessage);
        Assert.Contains(string.Join("\n\n", LlmSamples.EnglishArticle), request.LastUserMessage);
        Assert.DoesNotContain(LlmSamples.EnglishArticle[0], request.System);

        var summary = result.Summary;
        Assert.NotEmpty(summary.En);
        Assert.True(ArabicScript.LatinLetterRatio(summary.En) > 0.95, summary.En);
        Assert.False(ArabicScript.ContainsArabic(summary.En), summary.En);
        Assert.NotEmpty(summary.Ar);
        Assert.True(ArabicScript.ArabicLetterRatio(summary.Ar) > 0.95, summary.Ar);
        Assert.NotEmpty(summary.KeyPoints);
        Assert.All(summary.KeyPoints, point => Assert.True(ArabicScript.LatinLetterRatio(point) > 0.95, point));
        Assert.Equal(1, result.Usage.Calls);
        Assert.Equal(request.PromptEvalCount, result.Usage.InputTokens);
    }

    [Fact]
    public async Task AnArticleTooLongForTheContextIsReducedToFactsGroupByGroupThenSummarizedInOneCall()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["ContextTokens"] = "512" });

        var result = await harness.Summarizer.SummarizeAsync("Pentagon hosts Iraqi officials", LongEnglishArticle, LlmHarness.Timeout);

        // Budget 512 tokens x 4 characters / 2 = 1,024 characters: paragraphs 1-4 make one group, paragraph 5 another.
        var requests = harness.ChatRequests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, request =>
        {
            Assert.True(request.FormatPresent);
            Assert.Equal(512, request.Options?.NumCtx);
            Assert.True(request.PromptEvalCount < 512, $"the prompt was cut: {request.PromptEvalCount} tokens");
        });
        var (facts, summary) = (requests.Take(2).ToList(), requests[2]);
        Assert.All(facts, request => Assert.Contains("extract facts", request.System));
        Assert.Contains(string.Join("\n\n", LongEnglishArticle.Take(4)), facts[0].LastUserMessage);
        Assert.Equal($"<article>\n{LongEnglishArticle[4]}\n</article>", facts[1].LastUserMessage);

        Assert.Contains("summarize", summary.System);
        Assert.StartsWith("<article>\nTitle: Pentagon hosts Iraqi officials\n\n- ", summary.LastUserMessage);
        Assert.DoesNotContain(LongEnglishArticle[1], summary.LastUserMessage);

        Assert.True(ArabicScript.LatinLetterRatio(result.Summary.En) > 0.95, result.Summary.En);
        Assert.True(ArabicScript.ArabicLetterRatio(result.Summary.Ar) > 0.95, result.Summary.Ar);
        Assert.NotEmpty(result.Summary.KeyPoints);
        Assert.Equal(3, result.Usage.Calls);
        Assert.Equal(requests.Sum(request => (long)request.PromptEvalCount), result.Usage.InputTokens);
    }
}
