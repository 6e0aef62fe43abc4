using System.ComponentModel;
using Grid.Abstractions.Articles;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class ListSettings : GridCommandSettings
{
    [CommandOption("--status <STATUS>")]
    [Description("Only articles in this status: queued, translating, summarizing, completed or failed.")]
    public string? Status { get; init; }

    [CommandOption("--page <PAGE>")]
    [Description("The page, from 1 (default 1).")]
    public int Page { get; init; } = 1;

    [CommandOption("--page-size <SIZE>")]
    [Description("Articles per page, 1 to 100 (default 20).")]
    public int PageSize { get; init; } = ArticleListQuery.DefaultPageSize;

    [CommandOption("--search <WORDS>")]
    [Description("Only articles whose title, summary or paragraphs have these words, in Arabic (any spelling of alef, ta marbuta, alef maqsura; harakat or not) or English (any form of the word). \"Quoted words\" are a phrase.")]
    public string? Search { get; init; }

    [CommandOption("--feed <FEED>")]
    [Description("Only articles made from the items of this feed (its id, as `grid feeds list` shows it).")]
    public string? Feed { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("Only articles submitted on or after this day (2026-03-01) or instant (2026-03-01T12:00:00Z).")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Only articles submitted up to this day (whole) or before this instant.")]
    public string? To { get; init; }

    [CommandOption("--sort <ORDER>")]
    [Description("newest (default) or rank: best match to --search first.")]
    public string? Sort { get; init; }

    [CommandOption("--next <CURSOR>")]
    [Description("Continue after the page that printed this cursor: it keeps its place while articles arrive.")]
    public string? Next { get; init; }

    public ArticleListQuery Query
    {
        get
        {
            ArticleListDates.TryRead(From, endOfDay: false, out var from);
            ArticleListDates.TryRead(To, endOfDay: true, out var to);
            return new ArticleListQuery(Next is null ? Page : 1, PageSize, StatusFilter, string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), from, to,
                string.Equals(Sort, "rank", StringComparison.OrdinalIgnoreCase) ? ArticleListSort.Rank : ArticleListSort.Newest, Next,
                string.IsNullOrWhiteSpace(Feed) ? null : Feed.Trim());
        }
    }

    public ArticleStatus? StatusFilter => Status is null ? null : Enum.Parse<ArticleStatus>(Status, ignoreCase: true);

    public override ValidationResult Validate()
    {
        if (Status is not null && !(Enum.TryParse<ArticleStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) && !char.IsAsciiDigit(Status[0])))
            return ValidationResult.Error($"--status '{Status}' is not one of queued, translating, summarizing, completed, failed.");
        if (Sort is not null && !Sort.Equals("newest", StringComparison.OrdinalIgnoreCase) && !Sort.Equals("rank", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--sort '{Sort}' is not one of newest, rank.");
        if (!ArticleListDates.TryRead(From, endOfDay: false, out _))
            return ValidationResult.Error($"--from '{From}' is not {ArticleListDates.Expected}.");
        if (!ArticleListDates.TryRead(To, endOfDay: true, out _))
            return ValidationResult.Error($"--to '{To}' is not {ArticleListDates.Expected}.");
        if (Next is not null && Page != 1)
            return ValidationResult.Error("--page and --next both say where to start: give one of them.");
        if (string.Equals(Sort, "rank", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(Search))
            return ValidationResult.Error("--sort rank orders matches to a search: give --search as well.");
        return Query.Problem is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }
}
