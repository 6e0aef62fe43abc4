using Grid.Abstractions.Translation;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.Grains.Text;

namespace Grid.Grains.Summaries;

/// <summary>
/// Summarizes an article's English: one structured call when it fits the context, otherwise
/// map-reduce: facts from groups of paragraphs, then one summary call over all the facts. The input
/// of every call is bounded: facts that still do not fit are reduced again, a paragraph or a title
/// longer than a call can take is cut, so no prompt is ever cut silently by the backend.
/// </summary>
public sealed class ArticleSummarizer(LlmGateway gateway)
{
    private const int CharsPerEnglishToken = 4;
    private const int SummaryOutputTokens = 1024;

    /// <summary>Facts reduced to facts again at most this often; what still does not fit is cut at the budget.</summary>
    private const int MaxReductions = 3;

    /// <summary>A title is a line; a longer one is not a title the summary needs whole.</summary>
    public const int MaxTitleChars = 300;

    /// <summary>The share of the context the article may take; the rest is instructions and the answer.</summary>
    private int InputBudgetChars => gateway.ContextTokens * CharsPerEnglishToken / 2;

    /// <param name="onWait">Told when the work begins to wait for a backend, and (with null) when one takes it.</param>
    /// <param name="lane">Where the calls wait for a slot: the article's priority and owner.</param>
    public async Task<SummaryResult> SummarizeAsync(
        string? title, IReadOnlyList<string> englishParagraphs, CancellationToken cancellationToken = default, Action<BackendWait?>? onWait = null, SlotLane? lane = null)
    {
        lane ??= SlotLane.Shared;
        var usage = LlmUsage.None;
        title = title is null ? null : Cut(title, MaxTitleChars);
        // The summary call carries the title too: the English gets what it leaves.
        var budget = InputBudgetChars - (title?.Length ?? 0);
        IReadOnlyList<string> pieces = [.. englishParagraphs.Select(paragraph => Cut(paragraph, InputBudgetChars))];
        var english = string.Join("\n\n", pieces);
        for (var reduction = 0; english.Length > budget; reduction++)
        {
            if (reduction == MaxReductions)
            {
                english = Cut(english, budget);
                break;
            }
            var facts = new List<string>();
            foreach (var group in ParagraphWindows.Of(pieces, InputBudgetChars, piece => piece.Length))
            {
                var extracted = await gateway.RunAsync(
                    new LlmPrompt("fact extraction", SummaryPrompt.Facts(group), SummaryOutputTokens, SummaryPrompt.FactsSchema) { Lane = lane },
                    answer => SummaryValidator.CheckFacts(answer.Text), cancellationToken, onWait);
                facts.AddRange(extracted.Value);
                usage += extracted.Usage;
            }
            pieces = [.. facts.Select(fact => $"- {fact}")];
            english = string.Join("\n", pieces);
        }

        var summary = await gateway.RunAsync(
            new LlmPrompt("summary", SummaryPrompt.Summary(title, english), SummaryOutputTokens, SummaryPrompt.SummarySchema) { Lane = lane },
            answer => SummaryValidator.CheckSummary(answer.Text), cancellationToken, onWait);
        return new SummaryResult(summary.Value, usage + summary.Usage);
    }

    /// <summary>At most <paramref name="budget"/> characters, ended at a word boundary where there is one.</summary>
    private static string Cut(string text, int budget)
    {
        if (text.Length <= budget)
            return text;
        var space = text.LastIndexOf(' ', budget);
        return text[..(space > budget / 2 ? space : budget)];
    }
}
