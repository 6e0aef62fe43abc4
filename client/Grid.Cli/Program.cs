using Grid.Cli;
using Grid.Cli.Commands;
using Spectre.Console.Cli;

ConsoleWidth.Apply();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("grid");
    config.SetExceptionHandler(ErrorExit.Handle);
    config.AddCommand<SubmitCommand>("submit").WithDescription("Submit a page's URL, an article file (text or a saved page), a folder of them, or standard input.");
    config.AddCommand<StatusCommand>("status").WithDescription("Show where an article is.");
    config.AddCommand<ShowCommand>("show").WithDescription("Show the bilingual article and its summaries.");
    config.AddCommand<ListCommand>("list").WithDescription("List the recent articles, newest first.");
    config.AddCommand<DeleteCommand>("delete").WithDescription("Delete an article (its translations stay cached for other articles).");
    config.AddCommand<WatchCommand>("watch").WithDescription("Follow an article until it is completed or failed.");
    config.AddCommand<EvalCommand>("eval").WithDescription("Translate the sources of a pairs file and score the English against its references with chrF.");
});
return await app.RunAsync(args);
