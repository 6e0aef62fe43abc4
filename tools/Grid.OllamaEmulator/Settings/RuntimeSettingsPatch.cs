using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.OllamaEmulator.Wire;

namespace Grid.OllamaEmulator.Settings;

/// <summary>
/// Applies a JSON body such as <c>{"fault-busy": 0.5, "tokensPerSecond": 0}</c> to the settings.
/// Keys match the command-line flags or the property names, with any case, dashes or underscores.
/// </summary>
internal static class RuntimeSettingsPatch
{
    public static RuntimeSettings Apply(RuntimeSettings settings, JsonObject patch)
    {
        foreach (var (key, node) in patch)
        {
            var value = node is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                ? number.GetValue<double>()
                : throw new BadRequestException($"\"{key}\" must be a number");
            settings = Normalize(key) switch
            {
                "tokenspersecond" => settings with { TokensPerSecond = value },
                "ttftms" => settings with { TtftMs = (int)value },
                "faultbusy" => settings with { FaultBusy = value },
                "faultmidstreamerror" => settings with { FaultMidstreamError = value },
                "faulttruncate" => settings with { FaultTruncate = value },
                "faultpreamble" => settings with { FaultPreamble = value },
                "faultuntranslated" => settings with { FaultUntranslated = value },
                "faulthang" => settings with { FaultHang = value },
                "faultnamevariant" => settings with { FaultNameVariant = value },
                "faultstall" => settings with { FaultStall = value },
                "faultobeyinjection" => settings with { FaultObeyInjection = value },
                "faultobeyinjectionwhole" => settings with { FaultObeyInjectionWhole = value },
                _ => throw new BadRequestException($"unknown setting \"{key}\""),
            };
        }
        return settings;
    }

    private static string Normalize(string key) =>
        new([.. key.Where(c => c is not ('-' or '_')).Select(char.ToLowerInvariant)]);
}
