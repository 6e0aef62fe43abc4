using Grid.Cli;
using Grid.Cli.Commands;
using Grid.Cli.Commands.Feeds;
using Spectre.Console.Cli;

ConsoleWidth.Apply();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grid");
    config.SetExceptionHandler(ErrorExit.Handle);
    config.AddCommand<SubmitCommand>("submit").WithDescription("Submit a page's URL, an article file (text or a saved page), a folder of them, or standard input.");
    config.AddCommand<UpdateCommand>("update").WithDescription("Give an article a new text (a file or -): its next revision; unchanged paragraphs keep their English.");
    config.AddCommand<StatusCommand>("status").WithDescription("Show where an article is.");
    config.AddCommand<ShowCommand>("show").WithDescription("Show the bilingual article and its summaries.");
    config.AddCommand<ListCommand>("list").WithDescription("List the recent articles, newest first.");
    config.AddCommand<DeleteCommand>("delete").WithDescription("Delete an article (its translations stay cached for other articles).");
    config.AddCommand<WatchCommand>("watch").WithDescription("Follow an article until it is completed or failed.");
    config.AddBranch("feeds", feeds =>
    {
        feeds.SetDescription("Follow RSS and Atom feeds: each new item's page becomes an article.");
        feeds.AddCommand<FeedsAddCommand>("add").WithDescription("Follow a feed (--every 15m by default).");
        feeds.AddCommand<FeedsListCommand>("list").WithDescription("List the followed feeds.");
        feeds.AddCommand<FeedsShowCommand>("show").WithDescription("Show a feed: last and next poll, counts, last error.");
        feeds.AddCommand<FeedsPollCommand>("poll").WithDescription("Poll a feed now.");
        feeds.AddCommand<FeedsRemoveCommand>("remove").WithDescription("Stop following a feed (its articles stay).");
    });
    config.AddCommand<EvalCommand>("eval").WithDescription("Translate the sources of a pairs file and score the English against its references with chrF.");
});
return await app.RunAsync(args);
