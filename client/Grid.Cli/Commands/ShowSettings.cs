using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class ShowSettings : IdSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("text (default), markdown, json, or html (a standalone bilingual page).")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() =>
        Format is "text" or "markdown" or "json" or "html"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format '{Format}' is not one of text, markdown, json, html.");
}
