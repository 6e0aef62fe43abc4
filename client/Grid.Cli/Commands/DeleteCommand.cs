using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid delete &lt;id&gt;</c>: removes an article; exit code 3 when there was none.</summary>
public sealed class DeleteCommand : GridCommand<IdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, IdSettings settings, CancellationToken cancellationToken)
    {
        if (!await grid.DeleteAsync(settings.Id, cancellationToken))
            return NotFound(settings.Id);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(new { settings.Id, Deleted = true }));
        else
            AnsiConsole.MarkupLineInterpolated($"Deleted {settings.Id}.");
        return ExitCodes.Done;
    }
}
