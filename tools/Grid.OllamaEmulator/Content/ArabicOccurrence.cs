using System.Globalization;
using System.Text;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Where an Arabic term occurs as a word of a text: at a word start, or after a prefix Arabic writes
/// onto words (و ف ب ك ل ال and their combinations), and ending at a word end, as a reader would find it.
/// A word is a run of letters and non-spacing marks (the regular expression classes <c>\p{L}</c> and <c>\p{Mn}</c>).
/// </summary>
/// <remarks>
/// Matched by hand rather than by a regular expression made per term: the emulator met every glossary entry of
/// every request with a new <c>Regex</c>, which allocated more than its answers did in the <c>overhead</c> benchmark.
/// </remarks>
internal static class ArabicOccurrence
{
    /// <summary>What may stand between a word start and the term; none at all is one of them.</summary>
    private static readonly string[] Prefixes = ["", "وال", "فال", "بال", "كال", "ال", "لل", "ول", "وب", "فب", "فل", "وك", "و", "ف", "ب", "ك", "ل"];

    public static bool OccursIn(string term, string text) => Next(term, text, 0) >= 0;

    /// <summary>The text with every occurrence, from left to right, replaced; the text itself when there is none.</summary>
    public static string Replace(string term, string text, string replacement)
    {
        var next = Next(term, text, 0);
        if (next < 0)
            return text;
        var replaced = new StringBuilder(text.Length);
        var copied = 0;
        for (; next >= 0; next = Next(term, text, copied))
        {
            replaced.Append(text, copied, next - copied).Append(replacement);
            copied = next + term.Length;
        }
        return replaced.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The start of the first occurrence at or after <paramref name="from"/>, or -1.</summary>
    private static int Next(string term, string text, int from)
    {
        ArgumentException.ThrowIfNullOrEmpty(term);
        for (var at = text.IndexOf(term, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term, at + 1, StringComparison.Ordinal))
        {
            var end = at + term.Length;
            if ((end == text.Length || !IsWordCharacter(text[end])) && StartsAWord(text, at))
                return at;
        }
        return -1;
    }

    private static bool StartsAWord(string text, int at)
    {
        foreach (var prefix in Prefixes)
        {
            var start = at - prefix.Length;
            if (start >= 0 && text.AsSpan(start, prefix.Length).SequenceEqual(prefix) && (start == 0 || !IsWordCharacter(text[start - 1])))
                return true;
        }
        return false;
    }

    private static bool IsWordCharacter(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark;
}
