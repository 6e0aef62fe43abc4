using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands.Feeds;

/// <summary><c>grid feeds poll &lt;id&gt;</c>: polls a feed now (in the background; 'grid feeds show' tells how it went).</summary>
public sealed class FeedsPollCommand : GridCommand<FeedIdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, FeedIdSettings settings, CancellationToken cancellationToken)
    {
        if (await grid.PollFeedAsync(settings.Id, cancellationToken) is not { } feed)
            return NoFeed(settings.Id);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(feed));
        else
            AnsiConsole.MarkupLineInterpolated($"Polling {feed.Id} ({feed.Url}); 'grid feeds show {feed.Id}' tells how it went.");
        return ExitCodes.Done;
    }

    public static int NoFeed(string id)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]No feed has the id '{id}'.[/]");
        return ExitCodes.NotFound;
    }
}
