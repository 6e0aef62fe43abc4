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

    public ArticleStatus? StatusFilter => Status is null ? null : Enum.Parse<ArticleStatus>(Status, ignoreCase: true);

    public override ValidationResult Validate()
    {
        if (Status is not null && !(Enum.TryParse<ArticleStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) && !char.IsAsciiDigit(Status[0])))
            return ValidationResult.Error($"--status '{Status}' is not one of queued, translating, summarizing, completed, failed.");
        return new ArticleListQuery(Page, PageSize).Problem is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }
}
