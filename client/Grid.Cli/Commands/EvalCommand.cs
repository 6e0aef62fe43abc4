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
        var results = await grid.SubmitManyAsync(submissions, cancellationToken);
        if (settings.Retranslate)
            results = await RetranslateKnownAsync(grid, submissions, results, cancellationToken);
        var accepted = pairs.Zip(results).Where(submitted => submitted.Second is SubmitReceipt).Select(submitted => (submitted.First, Second: (SubmitReceipt)submitted.Second)).ToList();
        // The table has a row for each refused source; JSON readers get them on standard error too, as grid submit does.
        if (settings.Json)
        {
            foreach (var (pair, rejection) in pairs.Zip(results).Where(submitted => submitted.Second is SubmitRejection).Select(submitted => (submitted.First, (SubmitRejection)submitted.Second)))
                Problem(settings, $"{pair.Name}: refused ({rejection.Kind}): {rejection.Detail}");
        }

        var finished = accepted.Count == 0 ? []
            : settings.Json ? await Task.WhenAll(accepted.Select(a => grid.WaitAsync(a.Second.Id, cancellationToken: cancellationToken)))
            : await SubmissionProgress.FollowAsync(grid, [.. accepted.Select(a => (a.First.Name, a.Second))], cancellationToken);
        var articleOf = accepted.Select((a, i) => (a.First, Article: finished[i])).ToDictionary(a => a.First, a => a.Article);

        var chrF = new ChrF(wordOrder: settings.WordOrder);
        var evaluations = pairs.Zip(results, (pair, result) => Evaluate(chrF, pair, result, articleOf.GetValueOrDefault(pair))).ToList();
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
    private static async Task<IReadOnlyList<SubmitResult>> RetranslateKnownAsync(
        IGridClient grid, IReadOnlyList<ArticleSubmission> submissions, IReadOnlyList<SubmitResult> results, CancellationToken cancellationToken)
    {
        var known = Enumerable.Range(0, results.Count).Where(i => results[i] is SubmitReceipt { AlreadyKnown: true }).ToList();
        foreach (var id in known.Select(i => ((SubmitReceipt)results[i]).Id).Distinct())
            await grid.DeleteAsync(id, cancellationToken);
        var again = await grid.SubmitManyAsync(known.Select(i => submissions[i]), cancellationToken);
        var updated = results.ToArray();
        for (var k = 0; k < known.Count; k++)
            updated[known[k]] = again[k];
        return updated;
    }

    private static ArticleEvaluation Evaluate(ChrF chrF, EvaluationPair pair, SubmitResult result, ArticleView? article)
    {
        if (article?.Status != ArticleStatus.Completed)
            return new(pair, result, article, null, null);
        var statistics = chrF.Statistics(ArticleEnglish.Of(article), pair.Reference);
        return new(pair, result, article, statistics, chrF.Score(statistics));
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
