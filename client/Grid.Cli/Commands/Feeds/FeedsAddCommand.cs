using Grid.Abstractions.Feeds;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands.Feeds;

/// <summary><c>grid feeds add &lt;feed-url&gt; [--every 15m]</c>: follows a feed; each new item's page becomes an article.</summary>
public sealed class FeedsAddCommand : GridCommand<FeedAddSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, FeedAddSettings settings, CancellationToken cancellationToken)
    {
        var (glossary, glossaryProblem) = settings.Glossary is null ? ([], null) : await GlossaryFile.ReadAsync(settings.Glossary, cancellationToken);
        if (glossaryProblem is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{glossaryProblem}[/]");
            return ExitCodes.BadInput;
        }
        var result = await grid.FollowFeedAsync(new FeedSubscription(settings.FeedUrl, settings.Interval, glossary, settings.QualityMode, settings.Lane), cancellationToken);
        if (result is not FeedReceipt { Feed: var feed } receipt)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The feed cannot be followed:[/] {(result as FeedRejection)?.Detail}");
            return ExitCodes.BadInput;
        }
        if (settings.Json)
            Console.WriteLine(ArticleJson.Serialize(feed));
        else
            AnsiConsole.MarkupLineInterpolated($"{feed.Id}  {feed.Url}  every {feed.Every}{(receipt.Created ? "" : "  (already followed; settings updated)")}");
        return ExitCodes.Done;
    }
}
