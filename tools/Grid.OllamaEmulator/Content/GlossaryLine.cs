using System.Text.RegularExpressions;

namespace Grid.OllamaEmulator.Content;

/// <summary>
/// A glossary entry given in a system message, one per line: <c>- source => English</c>, optionally
/// followed by a kind in brackets (<c>- كيربي => Kirby [person]</c>).
/// </summary>
internal sealed partial record GlossaryLine(string Source, string English)
{
    public static IReadOnlyList<GlossaryLine> Parse(string? system) =>
        system is null ? [] : [.. Line().Matches(system).Select(match => new GlossaryLine(match.Groups["source"].Value.Trim(), match.Groups["english"].Value.Trim()))
            .Where(line => Transliteration.ContainsArabic(line.Source) && line.English.Length > 0)];

    [GeneratedRegex(@"^[ \t]*-[ \t]*(?<source>[^\n]+?)[ \t]*=>[ \t]*(?<english>[^\n\[]+?)[ \t]*(\[[^\]\n]*\])?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Line();
}
