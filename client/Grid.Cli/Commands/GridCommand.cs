using Grid.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

/// <summary>Connects to the cluster, runs the command, and turns each kind of failure into its exit code and a message.</summary>
public abstract class GridCommand<TSettings> : AsyncCommand<TSettings> where TSettings : GridCommandSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        if (settings.UrlProblem is { } urlProblem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{urlProblem}[/]");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var connection = await GridConnection.OpenAsync(settings, cancellationToken);
            return await RunAsync(connection.Client, settings, cancellationToken);
        }
        catch (GridUnavailableException error)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
            return ExitCodes.ClusterUnreachable;
        }
        catch (GridUnauthorizedException error)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/] Give the right key with --api-key or GRID_API_KEY.");
            return ExitCodes.Unauthorized;
        }
        catch (GridSubmissionException error)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused ({error.Rejection.Kind}):[/] {error.Message}");
            return ExitCodes.BadInput;
        }
    }

    protected abstract Task<int> RunAsync(IGridClient grid, TSettings settings, CancellationToken cancellationToken);

    protected static int NotFound(string id)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]No article has the id '{id}'.[/]");
        return ExitCodes.NotFound;
    }
}
