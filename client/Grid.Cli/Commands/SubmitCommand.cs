using Grid.Abstractions.Articles;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid submit &lt;file|dir|-&gt; [--wait]</c>: hands articles to the cluster and, with --wait, follows them to the end.</summary>
public sealed class SubmitCommand : GridCommand<SubmitSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, SubmitSettings settings, CancellationToken cancellationToken)
    {
        var sources = await SubmissionSource.ReadAsync(settings.Path, settings.Title, cancellationToken);
        if (sources.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]'{settings.Path}' holds no .txt or .md files.[/]");
            return ExitCodes.BadInput;
        }

        var accepted = new List<(string Name, SubmitReceipt Receipt)>();
        var refused = 0;
        foreach (var (name, submission) in sources)
        {
            try
            {
                var receipt = await grid.SubmitAsync(submission, cancellationToken);
                accepted.Add((name, receipt));
                if (!settings.Json)
                    AnsiConsole.MarkupLineInterpolated($"{receipt.Id}  {name}{(receipt.AlreadyKnown ? "  (already known)" : "")}");
            }
            catch (GridSubmissionException error) when (sources.Count > 1)
            {
                refused++;
                AnsiConsole.MarkupLineInterpolated($"[red]{name}: refused ({error.Rejection.Kind}):[/] {error.Message}");
            }
        }

        if (!settings.Wait)
        {
            if (settings.Json)
                Console.WriteLine(ArticleJson.Serialize(accepted.Select(a => new { file = a.Name, a.Receipt.Id, a.Receipt.Status, a.Receipt.AlreadyKnown })));
            return refused > 0 ? ExitCodes.BadInput : ExitCodes.Done;
        }

        var finished = await WaitForAllAsync(grid, accepted, settings.Json, cancellationToken);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(finished));
        return finished.Any(article => article.Status == ArticleStatus.Failed) ? ExitCodes.ArticleFailed
            : refused > 0 ? ExitCodes.BadInput
            : ExitCodes.Done;
    }

    private static async Task<ArticleView[]> WaitForAllAsync(IGridClient grid, List<(string Name, SubmitReceipt Receipt)> accepted, bool quiet, CancellationToken cancellationToken)
    {
        if (quiet)
            return await Task.WhenAll(accepted.Select(a => grid.WaitAsync(a.Receipt.Id!, cancellationToken: cancellationToken)));

        ArticleView[] finished = [];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                finished = await Task.WhenAll(accepted.Select(a =>
                {
                    var bar = context.AddTask(Path.GetFileName(a.Name), maxValue: 1);
                    var progress = new Progress<ArticleProgress>(p =>
                    {
                        bar.MaxValue = Math.Max(1, p.ChunksTotal + 1);
                        bar.Value = p.ChunksDone + (p.IsFinished ? 1 : 0);
                        bar.Description = $"{Path.GetFileName(a.Name)} [grey]{p.Status.ToString().ToLowerInvariant()}[/]";
                    });
                    return grid.WaitAsync(a.Receipt.Id!, progress, cancellationToken);
                }));
            });
        foreach (var article in finished)
        {
            var color = article.Status == ArticleStatus.Completed ? "green" : "red";
            AnsiConsole.MarkupLineInterpolated($"[{color}]{article.Id}  {article.Status.ToString().ToLowerInvariant()}[/]  {article.Title?.En ?? article.Failure ?? ""}");
        }
        return finished;
    }
}
