using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands.Feeds;

/// <summary><c>grid feeds list</c>: the followed feeds, oldest first.</summary>
public sealed class FeedsListCommand : GridCommand<GridCommandSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, GridCommandSettings settings, CancellationToken cancellationToken)
    {
        var feeds = await grid.ListFeedsAsync(cancellationToken);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(feeds));
        else if (feeds.Count == 0)
            AnsiConsole.MarkupLine("No feeds are followed. Add one with 'grid feeds add <feed-url>'.");
        else
            foreach (var feed in feeds)
                FeedPrinter.Line(feed);
        return ExitCodes.Done;
    }
}
