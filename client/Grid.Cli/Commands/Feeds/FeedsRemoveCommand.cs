using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands.Feeds;

/// <summary><c>grid feeds remove &lt;id&gt;</c>: stops following a feed; its articles stay.</summary>
public sealed class FeedsRemoveCommand : GridCommand<FeedIdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, FeedIdSettings settings, CancellationToken cancellationToken)
    {
        if (!await grid.UnfollowFeedAsync(settings.Id, cancellationToken))
            return FeedsPollCommand.NoFeed(settings.Id);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(new { settings.Id, Removed = true }));
        else
            AnsiConsole.MarkupLineInterpolated($"No longer following {settings.Id}; its articles stay.");
        return ExitCodes.Done;
    }
}
