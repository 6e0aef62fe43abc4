using Grid.Abstractions.Articles;
using Grid.Client;
using Spectre.Console;

namespace Grid.Cli.Commands;

/// <summary><c>grid list</c>: the recent articles, newest first.</summary>
public sealed class ListCommand : GridCommand<ListSettings>
{
    protected override async Task<int> RunAsync(IGridClient grid, ListSettings settings, CancellationToken cancellationToken)
    {
        var page = await grid.ListAsync(settings.Query, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(ArticleJson.Serialize(page));
            return ExitCodes.Done;
        }
        if (page.Items.IsEmpty)
        {
            AnsiConsole.MarkupLine(page.Total > 0 ? $"Page {page.Page} is past the end: {page.Total} articles."
                : settings.Search is { } search ? $"No articles match '{Markup.Escape(search)}'."
                : settings.Query.Feed is { } feed ? $"No articles from the feed '{Markup.Escape(feed)}'."
                : settings.StatusFilter is { } status ? $"No {status.ToString().ToLowerInvariant()} articles." : "No articles yet.");
            return ExitCodes.Done;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Id", "Status", "Chunks", "Submitted", "Title");
        foreach (var item in page.Items)
        {
            table.AddRow(
                new Text(item.Id),
                new Markup($"[{Color(item.Status)}]{item.Status.ToString().ToLowerInvariant()}[/]{(item.MissingParagraphs > 0 ? $" [yellow]({item.MissingParagraphs} paragraphs missing)[/]" : "")}"),
                new Text(item.Progress.ToString()),
                new Text(item.SubmittedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm")),
                new Text(item.Title?.En ?? item.Title?.Ar ?? item.Failure ?? ""));
        }
        AnsiConsole.Write(table);
        var shown = $"{(page.Page - 1) * page.PageSize + 1}-{(page.Page - 1) * page.PageSize + page.Items.Length} of {page.Total}";
        // Paging on by cursor: the next page starts after this one's last article, however many arrive meanwhile.
        AnsiConsole.MarkupLine(page.HasNext ? $"{shown}; next: [grey]grid list --next {page.Next}[/] (with the same filters)" : shown);
        return ExitCodes.Done;
    }

    private static string Color(ArticleStatus status) => status switch
    {
        ArticleStatus.Completed => "green",
        ArticleStatus.Failed => "red",
        _ => "yellow",
    };
}
