using System.Globalization;
using Grid.Abstractions.Feeds;
using Spectre.Console;

namespace Grid.Cli.Commands.Feeds;

/// <summary>A feed for people: one line in the list, a few lines on its own.</summary>
internal static class FeedPrinter
{
    public static void Line(FeedView feed)
    {
        var error = feed.LastError is null ? "" : $"  [red]{Markup.Escape(feed.LastError)}[/]";
        AnsiConsole.MarkupLine($"{feed.Id}  {Markup.Escape(feed.Url)}  every {feed.Every}  {feed.ArticlesMade} articles{error}");
    }

    public static void Details(FeedView feed)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{feed.Title ?? feed.Url}[/]");
        AnsiConsole.MarkupLineInterpolated($"id           {feed.Id}");
        AnsiConsole.MarkupLineInterpolated($"url          {feed.Url}");
        AnsiConsole.MarkupLineInterpolated($"every        {feed.Every}");
        AnsiConsole.MarkupLineInterpolated($"last poll    {When(feed.LastPollAt)} ({feed.LastOutcome ?? "not yet"})");
        AnsiConsole.MarkupLineInterpolated($"next poll    {When(feed.NextPollAt)}");
        AnsiConsole.MarkupLineInterpolated($"items seen   {feed.ItemsSeen}");
        AnsiConsole.MarkupLineInterpolated($"articles     {feed.ArticlesMade}");
        if (feed.LastError is { } error)
            AnsiConsole.MarkupLineInterpolated($"[red]last error   {error} ({feed.Failures} failed polls in a row)[/]");
        foreach (var article in feed.RecentArticles.Reverse().Take(10))
            AnsiConsole.MarkupLineInterpolated($"  {article}");
    }

    private static string When(DateTimeOffset? at) => at?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never";
}
