using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class UpdateSettings : IdSettings
{
    [CommandArgument(1, "<file>")]
    [Description("The article's new text: a file (text, or a saved page whose article Grid extracts), or - for standard input.")]
    public string Path { get; init; } = "";

    [CommandOption("--title <TITLE>")]
    [Description("A new title; by default the article keeps the one it had (or the one the new text starts with).")]
    public string? Title { get; init; }

    [CommandOption("--wait")]
    [Description("Wait until the new revision is completed or failed, with live progress.")]
    public bool Wait { get; init; }

    public override ValidationResult Validate() =>
        Path != "-" && !File.Exists(Path) ? ValidationResult.Error($"'{Path}' is neither a file nor '-'.") : base.Validate();
}
