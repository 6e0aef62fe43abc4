using Grid.Abstractions.Articles;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary>Live progress for <c>grid submit --wait</c>: a bar per article (chunks, then the summary) and one for them all.</summary>
public static class SubmissionProgress
{
    public static async Task<ArticleView[]> FollowAsync(IGridClient grid, IReadOnlyList<(string Name, SubmitReceipt Receipt)> articles, CancellationToken cancellationToken)
    {
        ArticleView[] finished = [];
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var overall = context.AddTask($"[bold]All {articles.Count} articles[/]", maxValue: articles.Count);
                var steps = new (double Done, double Total)[articles.Count];
                var gate = new Lock();
                finished = await Task.WhenAll(articles.Select((article, index) =>
                {
                    var name = Markup.Escape(Path.GetFileName(article.Name));
                    var bar = context.AddTask(name, maxValue: 1);
                    var progress = new Progress<ArticleProgress>(p =>
                    {
                        // A step per chunk and one for the summary: a bar that only filled with chunks would sit full while the summary is made.
                        lock (gate)
                        {
                            steps[index] = (p.Progress.ChunksDone + (p.IsFinished ? 1 : 0), p.Progress.ChunksTotal + 1);
                            bar.MaxValue = steps[index].Total;
                            bar.Value = steps[index].Done;
                            bar.Description = $"{name} [grey]{p.Status.ToString().ToLowerInvariant()}[/]";
                            overall.Value = steps.Sum(step => step.Total == 0 ? 0 : step.Done / step.Total);
                        }
                    });
                    return grid.WaitAsync(article.Receipt.Id, progress, cancellationToken);
                }));
                overall.Value = overall.MaxValue;
            });
        return finished;
    }
}
