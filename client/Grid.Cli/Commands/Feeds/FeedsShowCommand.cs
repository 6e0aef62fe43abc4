using Grid.Client;

namespace Grid.Cli.Commands.Feeds;

/// <summary><c>grid feeds show &lt;id&gt;</c>: a feed's schedule, counts, last error and recent articles.</summary>
public sealed class FeedsShowCommand : GridCommand<FeedIdSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, FeedIdSettings settings, CancellationToken cancellationToken)
    {
        if (await grid.GetFeedAsync(settings.Id, cancellationToken) is not { } feed)
            return FeedsPollCommand.NoFeed(settings.Id);
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(feed));
        else
            FeedPrinter.Details(feed);
        return ExitCodes.Done;
    }
}
