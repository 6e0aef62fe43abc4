using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// The emulator's glossary of a text: the phrases of one to three Arabic words that the text sets in
/// quotation marks or brackets, as Arabic news sets names (“كيربي”, (البنتاغون)), and that occur in
/// more than one paragraph; each rendered by <see cref="Transliteration.ToLatin"/>, in order of first
/// appearance, at most <see cref="MaxEntries"/>.
/// </summary>
internal static partial class GlossaryExtractionRule
{
    public const int MaxEntries = 20;

    public static JsonObject Answer(string text)
    {
        var entries = new JsonArray();
        foreach (var term in Terms(text))
            entries.Add(new JsonObject { ["source"] = term, ["english"] = Transliteration.ToLatin(term), ["kind"] = "term" });
        return new JsonObject { ["entries"] = entries };
    }

    public static IReadOnlyList<string> Terms(string text)
    {
        var paragraphs = ParagraphBreak().Split(text).Where(paragraph => paragraph.Trim().Length > 0).ToList();
        return [.. Quoted().Matches(text).Select(match => match.Groups["term"].Value.Trim())
            .Where(term => term.Length > 0 && term.All(c => char.IsLetter(c) || c == ' ' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
                && Transliteration.ContainsArabic(term) && !term.Any(char.IsAsciiLetter)
                && term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3)
            .Distinct(StringComparer.Ordinal)
            .Where(term => paragraphs.Count(paragraph => ArabicOccurrence.OccursIn(term, paragraph)) > 1)
            .Take(MaxEntries)];
    }

    // A lookahead, so that every quotation mark is tried as an opening one: scraped text pairs its marks badly (”واشنطن”).
    [GeneratedRegex(@"(?=[“”""«(](?<term>[^“”""«»()\n]{1,40}?)[“”""»)])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();
}
