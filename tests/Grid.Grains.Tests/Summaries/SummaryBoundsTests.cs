using Grid.Grains.Summaries;

namespace Grid.Grains.Tests.Llm;

/// <summary>The summary's output is bounded (length, number of points, no prompt tags), and so is its input.</summary>
public sealed class SummaryBoundsTests
{
    private const string English = "The Pentagon hosted Iraqi officials for talks on four files.";
    private const string Arabic = "استضاف البنتاغون مسؤولين عراقيين لبحث أربعة ملفات.";

    [Fact]
    public void AShortSummaryWithAFewKeyPointsIsAccepted()
    {
        var check = SummaryValidator.CheckSummary(Summary(English, Arabic, English, English, English));

        Assert.True(check.Accepted, check.Problem);
    }

    [Fact]
    public void ASummaryAsLongAsAnArticleIsRejected()
    {
        var check = SummaryValidator.CheckSummary(Summary(string.Join(' ', Enumerable.Repeat(English, 40)), Arabic, English));

        Assert.Contains("too long", check.Problem);
    }

    [Fact]
    public void TooManyKeyPointsOrAnOverlongOneAreRejected()
    {
        Assert.Contains("key points", SummaryValidator.CheckSummary(Summary(English, Arabic, [.. Enumerable.Repeat(English, 12)])).Problem);
        Assert.Contains("key points", SummaryValidator.CheckSummary(Summary(English, Arabic, string.Join(' ', Enumerable.Repeat(English, 10)))).Problem);
    }

    [Fact]
    public void ATagOfThePromptLeftInTheSummaryIsRejected()
    {
        Assert.Contains("<article>", SummaryValidator.CheckSummary(Summary("<article>" + English, Arabic, English)).Problem);
    }

    [Fact]
    public void FactsAreBoundedLikeKeyPoints()
    {
        Assert.True(SummaryValidator.CheckFacts(Facts(English, English)).Accepted);
        Assert.False(SummaryValidator.CheckFacts(Facts([.. Enumerable.Repeat(English, 100)])).Accepted);
        Assert.False(SummaryValidator.CheckFacts(Facts(string.Join(' ', Enumerable.Repeat(English, 10)))).Accepted);
    }

    [Fact]
    public async Task FactsStillTooLongForTheContextAreReducedAgainSoNoSummaryPromptIsCut()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["ContextTokens"] = "512" });
        // Forty paragraphs of about 200 characters: eight groups, whose facts together are over the 1,024 characters a call may carry.
        IReadOnlyList<string> article = [.. Enumerable.Range(1, 8).SelectMany(round => LongParagraphs.Select(paragraph => $"In part {round}, {paragraph}"))];

        var result = await harness.Summarizer.SummarizeAsync(new string('T', 1000), article, LlmHarness.Timeout);

        var requests = harness.ChatRequests;
        Assert.Contains(requests, request => request.LastUserMessage!.StartsWith("<article>\n- ", StringComparison.Ordinal) && request.System!.Contains("extract facts"));
        Assert.All(requests, request => Assert.True(request.PromptEvalCount < 512, $"the prompt was cut: {request.PromptEvalCount} tokens"));
        var summary = requests[^1];
        Assert.Contains("summarize", summary.System);
        Assert.Contains($"Title: {new string('T', ArticleSummarizer.MaxTitleChars)}\n", summary.LastUserMessage);
        Assert.DoesNotContain(new string('T', ArticleSummarizer.MaxTitleChars + 1), summary.LastUserMessage);
        Assert.Equal(requests.Count, result.Usage.Calls);
    }

    private static readonly string[] LongParagraphs =
    [
        "the Pentagon hosted a delegation of Iraqi military officials on Thursday for talks on four files, according to spokesman John Kirby. He said the meeting was part of the strategic dialogue.",
        "Kirby told state television that the talks would cover the technical side of the military relationship. He added that the two countries want a long partnership in security cooperation.",
        "the spokesman said that the meeting would also discuss a range of security threats facing Iraq. He repeated that the president is ready to take the measures needed to protect Americans.",
        "Iraqi Foreign Minister Fuad Hussein said earlier that Baghdad will ask for a timetable for the withdrawal of American combat forces. He said Iraq still needs the coalition for training.",
        "Hussein said the fourth round of the strategic talks between the two governments is set for Friday. He said the combat forces must leave, but the joint work against the Islamic State must go on.",
    ];

    private static string Summary(string en, string ar, params string[] keyPoints) =>
        System.Text.Json.JsonSerializer.Serialize(new { en, ar, keyPoints });

    private static string Facts(params string[] facts) => System.Text.Json.JsonSerializer.Serialize(new { facts });
}
