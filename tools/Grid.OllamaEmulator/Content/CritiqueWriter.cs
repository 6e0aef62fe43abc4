using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// The emulator's review of a translation (a last user message with <c>&lt;source&gt;</c> and
/// <c>&lt;translation&gt;</c> blocks): one point per glossary entry whose term is in the source but
/// whose English is not in the translation, or "No changes needed."
/// </summary>
internal static partial class CritiqueWriter
{
    public const string NoChanges = "No changes needed.";

    public static bool IsCritique(string? lastUserMessage) => lastUserMessage is not null && TranslationBlock().IsMatch(lastUserMessage);

    public static string Write(string lastUserMessage, IReadOnlyList<GlossaryLine> glossary)
    {
        var source = SourceBlock().Match(lastUserMessage) is { Success: true } s ? s.Groups["body"].Value : "";
        var translation = TranslationBlock().Match(lastUserMessage).Groups["body"].Value;
        var points = glossary
            .Where(entry => ArabicOccurrence.OccursIn(entry.Source, source) && !translation.Contains(entry.English, StringComparison.OrdinalIgnoreCase))
            .Select((entry, i) => $"{i + 1}. Render \"{Transliteration.ToLatin(entry.Source)}\" as \"{entry.English}\", as the glossary says.")
            .ToList();
        return points.Count == 0 ? NoChanges : string.Join("\n", points);
    }

    [GeneratedRegex(@"^[ \t]*<source>\s*(?<body>.*?)\s*</source>", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SourceBlock();

    [GeneratedRegex(@"^[ \t]*<translation>\s*(?<body>.*?)\s*</translation>", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TranslationBlock();
}
