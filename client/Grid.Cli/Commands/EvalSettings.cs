using System.ComponentModel;
using Grid.Abstractions.Translation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class EvalSettings : GridCommandSettings
{
    [CommandArgument(0, "<pairs>")]
    [Description("A JSON Lines file, one pair per line: {\"id\"?, \"source\" (Arabic), \"reference\" (English), \"title\"? (Arabic)}.")]
    public string Path { get; init; } = "";

    [CommandOption("--word-order <N>")]
    [Description("Word n-grams added to the character 6-grams: 0 is chrF (default), 2 is chrF++.")]
    [DefaultValue(0)]
    public int WordOrder { get; init; }

    [CommandOption("--mode <MODE>")]
    [Description("fast (one LLM call per chunk, the default) or reflect (translate, critique, improve); each mode makes articles of its own, so runs of both compare.")]
    public string Mode { get; init; } = "fast";

    [CommandOption("--retranslate")]
    [Description("Delete the articles the cluster already has for these sources and translate them again, with the model it runs now; chunks that model already translated still come from the cache.")]
    public bool Retranslate { get; init; }

    public override ValidationResult Validate() =>
        !File.Exists(Path) ? ValidationResult.Error($"'{Path}' is not a file.")
        : WordOrder is < 0 or > 6 ? ValidationResult.Error($"--word-order must be 0 to 6, not {WordOrder}.")
        : !Enum.TryParse<TranslationMode>(Mode, ignoreCase: true, out _) ? ValidationResult.Error($"--mode is '{Mode}': use fast or reflect.")
        : ValidationResult.Success();
}
