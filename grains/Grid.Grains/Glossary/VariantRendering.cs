using System.Text;
using System.Text.RegularExpressions;
using Grid.Abstractions.Translation;

namespace Grid.Grains.Glossary;

/// <summary>
/// Finds another spelling of a glossary rendering in English text and puts the rendering in its place.
/// Two spellings are one name when their consonants agree in order and the vowels alone differ
/// (Kirby, Kerbi, Kirbi; Mohammed, Muhammad): transliterations of one Arabic name vary mostly in the
/// vowels, which Arabic does not write. A variant may be glued to up to three letters in front (a
/// transliterated prefix such as w- or al-) but not followed by letters. Renderings of fewer than two
/// consonants are left alone: too short to tell a variant from another word.
/// </summary>
public static class VariantRendering
{
    private const string Vowels = "aeiouy";

    /// <summary>True when <paramref name="english"/> uses the entry's rendering (case aside).</summary>
    public static bool Uses(string english, GlossaryEntry entry) =>
        english.Contains(entry.English, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text with every variant of the entry's rendering replaced by it, and how many were replaced.</summary>
    public static (string English, int Replaced) Replace(string english, GlossaryEntry entry)
    {
        if (Pattern(entry.English) is not { } pattern)
            return (english, 0);
        var replaced = 0;
        var result = pattern.Replace(english, match =>
        {
            if (match.Value.Equals(entry.English, StringComparison.OrdinalIgnoreCase))
                return match.Value;
            replaced++;
            return entry.English;
        });
        return (result, replaced);
    }

    /// <summary>
    /// The rendering's consonants in order (a doubled one may be written single or double), with a run
    /// of one to three vowels wherever the rendering has vowels and at most one where it has none, so
    /// Kirby matches Kerbi and Kyrbi but Iraq does not match Iraqi.
    /// </summary>
    private static Regex? Pattern(string rendering)
    {
        var words = rendering.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var consonants = 0;
        var pattern = new StringBuilder(@"(?<=(?:^|[^\p{L}'])[\p{L}']{0,3})");
        for (var w = 0; w < words.Length; w++)
        {
            if (w > 0)
                pattern.Append(@"[\s-]+");
            var letters = words[w].ToLowerInvariant();
            for (var i = 0; i < letters.Length;)
            {
                var vowels = 0;
                while (i < letters.Length && Vowels.Contains(letters[i]))
                    (vowels, i) = (vowels + 1, i + 1);
                pattern.Append(vowels > 0 ? $"[{Vowels}]{{1,3}}" : i == 0 || i == letters.Length ? "" : $"[{Vowels}]?");
                if (i == letters.Length)
                    break;
                var consonant = letters[i];
                while (i < letters.Length && letters[i] == consonant)
                    i++;
                pattern.Append($"{Regex.Escape(consonant.ToString())}+");
                consonants++;
            }
        }
        pattern.Append(@"(?![\p{L}'])");
        return consonants < 2 ? null : new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
