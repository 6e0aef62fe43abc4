using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class SubmitSettings : TranslatingCommandSettings
{
    [CommandArgument(0, "<path>")]
    [Description("A page's http(s) URL (Grid fetches it), a file, a folder (every .txt, .md and .html in it; Grid extracts the article of a page), or - for standard input.")]
    public string Path { get; init; } = "";

    [CommandOption("--wait")]
    [Description("Wait until every article is completed or failed, with live progress.")]
    public bool Wait { get; init; }

    [CommandOption("--title <TITLE>")]
    [Description("The title, when the text does not start with it (single file only).")]
    public string? Title { get; init; }

    [CommandOption("--glossary <FILE>")]
    [Description("A JSON file of renderings every article must use: [{ \"source\": \"كيربي\", \"english\": \"Kirby\", \"kind\": \"person\" }]; they beat the configured and the extracted glossary.")]
    public string? Glossary { get; init; }

    [CommandOption("--callback-url <URL>")]
    [Description("Where Grid POSTs a signed webhook when each article finishes (see the README's Webhooks).")]
    public string? CallbackUrl { get; init; }

    [CommandOption("--priority <PRIORITY>")]
    [Description(PriorityOption.Description)]
    public string Priority { get; init; } = "normal";

    /// <summary>The priority, once <see cref="Validate"/> has accepted it.</summary>
    public Grid.Abstractions.Articles.ArticlePriority Lane => PriorityOption.Parse(Priority)!.Value;

    public override ValidationResult Validate() =>
        !(Path == "-" || SubmissionSource.IsUrl(Path) || File.Exists(Path) || Directory.Exists(Path)) ? ValidationResult.Error($"'{Path}' is neither an http(s) URL, a file, a folder nor '-'.")
        : Glossary is not null && !File.Exists(Glossary) ? ValidationResult.Error($"The glossary file '{Glossary}' does not exist.")
        : PriorityOption.Parse(Priority) is null ? ValidationResult.Error(PriorityOption.Problem(Priority))
        : base.Validate();
}
