using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Where an Arabic term occurs as a word of a text: at a word start, or after a prefix Arabic writes
/// onto words (و ف ب ك ل ال and their combinations), and ending at a word end, as a reader would find it.
/// </summary>
internal static class ArabicOccurrence
{
    private const string Prefixes = "(?:وال|فال|بال|كال|ال|لل|ول|وب|فب|فل|وك|و|ف|ب|ك|ل)?";

    public static Regex For(string term) =>
        new($@"(?<=(?:^|[^\p{{L}}\p{{Mn}}]){Prefixes}){Regex.Escape(term)}(?![\p{{L}}\p{{Mn}}])", RegexOptions.CultureInvariant);

    public static bool OccursIn(string term, string text) => For(term).IsMatch(text);
}
