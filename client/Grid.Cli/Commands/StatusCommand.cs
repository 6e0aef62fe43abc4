using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid status &lt;id&gt;</c>: where an article is.</summary>
public sealed class StatusCommand : GridCommand<IdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, IdSettings settings, CancellationToken cancellationToken)
    {
        var progress = await grid.GetProgressAsync(settings.Id, cancellationToken);
        if (progress is null)
            return NotFound(settings.Id);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(progress));
        else
            AnsiConsole.MarkupLineInterpolated($"{progress.Id}  {progress.Status.ToString().ToLowerInvariant()}  {progress.Progress} chunks{(progress.Failure is null ? "" : "  " + progress.Failure)}");
        return progress.Status == Abstractions.Articles.ArticleStatus.Failed ? ExitCodes.ArticleFailed : ExitCodes.Done;
    }
}
