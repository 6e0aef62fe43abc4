using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Grid.Cli.Commands;

public sealed class EvalSettings : TranslatingCommandSettings
{
    [CommandArgument(0, "<pairs>")]
    [Description("A JSON Lines file, one pair per line: {\"id\"?, \"source\" (Arabic), \"reference\" (English), \"title\"? (Arabic)}.")]
    public string Path { get; init; } = "";

    [CommandOption("--word-order <N>")]
    [Description("Word n-grams added to the character 6-grams: 0 is chrF (default), 2 is chrF++.")]
    [DefaultValue(0)]
    public int WordOrder { get; init; }

    [CommandOption("--retranslate")]
    [Description("Delete the articles the cluster already has for these sources and translate them again, with the model it runs now; chunks that model already translated still come from the cache.")]
    public bool Retranslate { get; init; }

    public override ValidationResult Validate() =>
        !File.Exists(Path) ? ValidationResult.Error($"'{Path}' is not a file.")
        : WordOrder is < 0 or > 6 ? ValidationResult.Error($"--word-order must be 0 to 6, not {WordOrder}.")
        : base.Validate();
}
