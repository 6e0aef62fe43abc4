using System.ComponentModel;
using Grid.Abstractions.Translation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

/// <summary>Options of the commands that send articles to be translated: the quality mode.</summary>
public abstract class TranslatingCommandSettings : GridCommandSettings
{
    [CommandOption("--mode <MODE>")]
    [Description("fast (one LLM call per chunk, the default) or reflect (translate, critique, improve: three calls per chunk); each mode makes articles of its own.")]
    public string Mode { get; init; } = "fast";

    /// <summary>The mode, once <see cref="Validate"/> has accepted it.</summary>
    public TranslationMode QualityMode => Enum.Parse<TranslationMode>(Mode, ignoreCase: true);

    public override ValidationResult Validate() =>
        Mode.ToLowerInvariant() is not ("fast" or "reflect") ? ValidationResult.Error($"--mode is '{Mode}': use fast or reflect.")
        : ValidationResult.Success();
}
