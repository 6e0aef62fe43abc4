using Grid.Abstractions.Translation;
using Grid.Grains.Llm;
using Grid.Grains.Text;

namespace Grid.Grains.Summaries;

/// <summary>
/// Summarizes an article's English: one structured call when it fits the context, otherwise
/// map-reduce: facts from groups of paragraphs, then one summary call over all the facts.
/// </summary>
public sealed class ArticleSummarizer(LlmGateway gateway)
{
    private const int CharsPerEnglishToken = 4;
    private const int SummaryOutputTokens = 1024;

    /// <summary>The share of the context the article may take; the rest is instructions and the answer.</summary>
    private int InputBudgetChars => gateway.ContextTokens * CharsPerEnglishToken / 2;

    /// <param name="onWait">Told when the work begins to wait for a backend, and (with null) when one takes it.</param>
    public async Task<SummaryResult> SummarizeAsync(
        string? title, IReadOnlyList<string> englishParagraphs, CancellationToken cancellationToken = default, Action<BackendWait?>? onWait = null)
    {
        var usage = LlmUsage.None;
        var english = string.Join("\n\n", englishParagraphs);
        if (english.Length > InputBudgetChars)
        {
            var facts = new List<string>();
            foreach (var group in ParagraphWindows.Of(englishParagraphs, InputBudgetChars, paragraph => paragraph.Length))
            {
                var extracted = await gateway.RunAsync(
                    new LlmPrompt("fact extraction", SummaryPrompt.Facts(group), SummaryOutputTokens, SummaryPrompt.FactsSchema),
                    answer => SummaryValidator.CheckFacts(answer.Text), cancellationToken, onWait);
                facts.AddRange(extracted.Value);
                usage += extracted.Usage;
            }
            english = string.Join("\n", facts.Select(fact => $"- {fact}"));
        }

        var summary = await gateway.RunAsync(
            new LlmPrompt("summary", SummaryPrompt.Summary(title, english), SummaryOutputTokens, SummaryPrompt.SummarySchema),
            answer => SummaryValidator.CheckSummary(answer.Text), cancellationToken, onWait);
        return new SummaryResult(summary.Value, usage + summary.Usage);
    }
}
