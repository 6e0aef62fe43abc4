using Grid.Abstractions.Articles;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid submit &lt;url|file|dir|-&gt; [--wait]</c>: hands articles to the cluster and, with --wait, follows them to the end.</summary>
public sealed class SubmitCommand : GridCommand<SubmitSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, SubmitSettings settings, CancellationToken cancellationToken)
    {
        var sources = await SubmissionSource.ReadAsync(settings.Path, settings.Title, cancellationToken);
        if (sources.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]'{settings.Path}' holds no {string.Join(", ", SubmissionSource.Extensions)} files.[/]");
            return ExitCodes.BadInput;
        }
        var (glossary, glossaryProblem) = settings.Glossary is null ? ([], null) : await GlossaryFile.ReadAsync(settings.Glossary, cancellationToken);
        if (glossaryProblem is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{glossaryProblem}[/]");
            return ExitCodes.BadInput;
        }
        var mode = settings.QualityMode;

        var results = await grid.SubmitManyAsync(sources.Select(source => source.Submission with { Glossary = glossary, Mode = mode, CallbackUrl = settings.CallbackUrl, Priority = settings.Lane }), cancellationToken);
        var accepted = new List<(string Name, SubmitReceipt Receipt)>();
        for (var i = 0; i < sources.Count; i++)
        {
            var name = sources[i].Name;
            if (results[i] is SubmitRejection rejection)
            {
                // With --json, standard output is the JSON alone; refusals go beside it.
                if (settings.Json)
                    Console.Error.WriteLine($"{name}: refused ({rejection.Kind}): {rejection.Detail}");
                else
                    AnsiConsole.MarkupLineInterpolated($"[red]{name}: refused ({rejection.Kind}):[/] {rejection.Detail}");
                continue;
            }
            var receipt = (SubmitReceipt)results[i];
            accepted.Add((name, receipt));
            if (!settings.Json)
                AnsiConsole.MarkupLineInterpolated($"{receipt.Id}  {name}{(receipt.AlreadyKnown ? "  (already known)" : "")}");
        }
        var refused = sources.Count - accepted.Count;

        if (!settings.Wait)
        {
            if (settings.Json)
                Console.WriteLine(ArticleJson.Serialize(accepted.Select(a => new { file = a.Name, a.Receipt.Id, a.Receipt.Status, a.Receipt.AlreadyKnown })));
            return refused > 0 ? ExitCodes.BadInput : ExitCodes.Done;
        }

        var finished = settings.Json
            ? await Task.WhenAll(accepted.Select(a => grid.WaitAsync(a.Receipt.Id, cancellationToken: cancellationToken)))
            : await SubmissionProgress.FollowAsync(grid, accepted, cancellationToken);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(finished));
        else
            Report(finished, refused);
        return finished.Any(article => article.Status == ArticleStatus.Failed) ? ExitCodes.ArticleFailed
            : refused > 0 ? ExitCodes.BadInput
            : ExitCodes.Done;
    }

    private static void Report(ArticleView[] finished, int refused)
    {
        foreach (var article in finished)
        {
            var color = article.Status == ArticleStatus.Completed ? "green" : "red";
            var missing = article.MissingParagraphs > 0 ? $" ({article.MissingParagraphs} paragraphs missing)" : "";
            AnsiConsole.MarkupLineInterpolated($"[{color}]{article.Id}  {article.Status.ToString().ToLowerInvariant()}{missing}[/]  {article.Title?.En ?? article.Failure ?? ""}");
        }
        var completed = finished.Count(article => article.Status == ArticleStatus.Completed);
        AnsiConsole.MarkupLineInterpolated($"{completed} completed, {finished.Length - completed} failed, {refused} refused.");
    }
}
