using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class ShowSettings : IdSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("text (default), markdown or json.")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate() =>
        Format is "text" or "markdown" or "json"
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format '{Format}' is not one of text, markdown, json.");
}
