using Grid.Abstractions.Translation;
using Grid.Client.Evaluation;
using Spectre.Console;

namespace Grid.Cli.Evaluation;

/// <summary>The scores of a pairs file: one row per pair, and the corpus score over every completed article.</summary>
/// <param name="Metric">The metric's name as sacreBLEU prints it (chrF2, chrF2++).</param>
/// <param name="Overall">The corpus score, from the summed statistics of the completed articles; null when none completed.</param>
public sealed record EvaluationReport(string Metric, TranslationMode Mode, IReadOnlyList<ArticleEvaluation> Articles, IReadOnlyList<InvalidPairLine> InvalidLines, double? Overall)
{
    public static EvaluationReport From(ChrF chrF, TranslationMode mode, IReadOnlyList<ArticleEvaluation> articles, IReadOnlyList<InvalidPairLine> invalidLines)
    {
        var scored = articles.Where(article => article.Statistics is not null).Select(article => article.Statistics!).ToList();
        var overall = scored.Count == 0 ? (double?)null : chrF.Score(scored.Aggregate((sum, next) => sum + next));
        return new(chrF.Name, mode, articles, invalidLines, overall);
    }

    public int Failed => Articles.Count(article => article.Article is not null && !article.Completed);

    public int Refused => Articles.Count(article => article.Refused);

    public int Scored => Articles.Count(article => article.Score is not null);

    /// <summary>Scores are shown to two decimals, as sacreBLEU prints them; <c>--json</c> has them whole.</summary>
    public static string Format(double score) => score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    public void WriteTable()
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Pair", "Article", Metric, "Paragraphs", "LLM calls", "Tokens in/out", "Outcome");
        foreach (var evaluation in Articles)
        {
            var usage = evaluation.Article?.Usage;
            table.AddRow(
                new Text(evaluation.Pair.Name),
                new Text(evaluation.Receipt is { } receipt ? receipt.Id + (receipt.AlreadyKnown ? " (already known)" : "") : "-"),
                new Text(evaluation.Score is { } score ? Format(score) : "-"),
                new Text(evaluation.Article?.Paragraphs.Length.ToString() ?? "-"),
                new Text(usage?.LlmCalls.ToString() ?? "-"),
                new Text(usage is null ? "-" : $"{usage.InputTokens}/{usage.OutputTokens}"),
                new Text(evaluation.Problem is { } problem ? $"{evaluation.Outcome}: {problem}" : evaluation.Outcome,
                    new Style(evaluation.Completed ? Color.Green : Color.Red)));
        }
        AnsiConsole.Write(table);
        var overall = Overall is { } value
            ? $"Overall {Metric}: {Format(value)} over {Scored} article{(Scored == 1 ? "" : "s")} in {Mode.ToString().ToLowerInvariant()} mode (corpus score from their summed n-gram statistics)"
            : $"Overall {Metric}: none, no article completed";
        AnsiConsole.WriteLine($"{overall}; {Failed} failed, {Refused} refused, {InvalidLines.Count} invalid lines.");
    }

    public string ToJson() => ArticleJson.Serialize(new
    {
        metric = Metric,
        mode = Mode.ToString().ToLowerInvariant(),
        overall = new { score = Overall, articles = Scored },
        articles = Articles.Select(evaluation => new
        {
            id = evaluation.Pair.Name,
            line = evaluation.Pair.Line,
            articleId = evaluation.Receipt?.Id,
            status = evaluation.Outcome,
            alreadyKnown = evaluation.Receipt?.AlreadyKnown ?? false,
            score = evaluation.Score,
            paragraphs = evaluation.Article?.Paragraphs.Length,
            usage = evaluation.Article?.Usage,
            problem = evaluation.Problem,
        }),
        invalidLines = InvalidLines.Select(line => new { line = line.Line, error = line.Error }),
    });
}
