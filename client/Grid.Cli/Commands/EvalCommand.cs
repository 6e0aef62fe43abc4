using Grid.Abstractions.Articles;
using Grid.Cli.Evaluation;
using Grid.Client;
using Grid.Client.Evaluation;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary>
/// <c>grid eval &lt;pairs.jsonl&gt;</c>: translates each pair's Arabic source with the cluster and scores the
/// English against the pair's reference with chrF, per article and over them all.
/// </summary>
public sealed class EvalCommand : GridCommand<EvalSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, EvalSettings settings, CancellationToken cancellationToken)
    {
        var (pairs, invalidLines) = await EvaluationPairsFile.ReadAsync(settings.Path, cancellationToken);
        foreach (var invalid in invalidLines)
            Problem(settings, $"{settings.Path}: {invalid}");
        if (pairs.Count == 0)
        {
            Problem(settings, $"'{settings.Path}' holds no usable pairs.");
            return ExitCodes.BadInput;
        }

        var mode = settings.QualityMode;
        var submissions = pairs.Select(pair => new ArticleSubmission(pair.Source, pair.Title, Mode: mode)).ToList();
        var receipts = await grid.SubmitManyAsync(submissions, cancellationToken);
        if (settings.Retranslate)
            receipts = await RetranslateKnownAsync(grid, submissions, receipts, cancellationToken);
        var accepted = pairs.Zip(receipts).Where(submitted => submitted.Second.Accepted).ToList();
        // The table has a row for each refused source; JSON readers get them on standard error too, as grid submit does.
        if (settings.Json)
        {
            foreach (var (pair, receipt) in pairs.Zip(receipts).Where(submitted => !submitted.Second.Accepted))
                Problem(settings, $"{pair.Name}: refused ({receipt.Rejection!.Kind}): {receipt.Rejection.Detail}");
        }

        var finished = accepted.Count == 0 ? []
            : settings.Json ? await Task.WhenAll(accepted.Select(a => grid.WaitAsync(a.Second.Id!, cancellationToken: cancellationToken)))
            : await SubmissionProgress.FollowAsync(grid, [.. accepted.Select(a => (a.First.Name, a.Second))], cancellationToken);
        var articleOf = accepted.Select((a, i) => (a.First, Article: finished[i])).ToDictionary(a => a.First, a => a.Article);

        var chrF = new ChrF(wordOrder: settings.WordOrder);
        var evaluations = pairs.Zip(receipts, (pair, receipt) => Evaluate(chrF, pair, receipt, articleOf.GetValueOrDefault(pair))).ToList();
        var report = EvaluationReport.From(chrF, mode, evaluations, invalidLines);
        if (settings.Json)
            Console.WriteLine(report.ToJson());
        else
            report.WriteTable();

        return report.Failed > 0 ? ExitCodes.ArticleFailed
            : report.Refused > 0 || invalidLines.Count > 0 ? ExitCodes.BadInput
            : ExitCodes.Done;
    }

    /// <summary>
    /// The same text is the same article, so a source evaluated before would be answered with its old
    /// translation, whatever model the cluster runs now; deleting it first makes the article anew.
    /// </summary>
    private static async Task<IReadOnlyList<SubmitReceipt>> RetranslateKnownAsync(
        IGridClient grid, IReadOnlyList<ArticleSubmission> submissions, IReadOnlyList<SubmitReceipt> receipts, CancellationToken cancellationToken)
    {
        var known = Enumerable.Range(0, receipts.Count).Where(i => receipts[i].AlreadyKnown).ToList();
        foreach (var id in known.Select(i => receipts[i].Id!).Distinct())
            await grid.DeleteAsync(id, cancellationToken);
        var again = await grid.SubmitManyAsync(known.Select(i => submissions[i]), cancellationToken);
        var updated = receipts.ToArray();
        for (var k = 0; k < known.Count; k++)
            updated[known[k]] = again[k];
        return updated;
    }

    private static ArticleEvaluation Evaluate(ChrF chrF, EvaluationPair pair, SubmitReceipt receipt, ArticleView? article)
    {
        if (article?.Status != ArticleStatus.Completed)
            return new(pair, receipt, article, null, null);
        var statistics = chrF.Statistics(ArticleEnglish.Of(article), pair.Reference);
        return new(pair, receipt, article, statistics, chrF.Score(statistics));
    }

    /// <summary>With --json, standard output is the JSON alone; problems go beside it.</summary>
    private static void Problem(EvalSettings settings, string message)
    {
        if (settings.Json)
            Console.Error.WriteLine(message);
        else
            AnsiConsole.MarkupLineInterpolated($"[red]{message}[/]");
    }
}
