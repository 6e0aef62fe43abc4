using System.Text;

namespace Grid.Grains.Archive;

/// <summary>
/// Text cut into its words (letters and digits, as <see cref="SearchTerms"/> reads a search) and sorted by script:
/// the Arabic words, which PostgreSQL indexes as they are (Grid has normalized them), and the others, which it stems
/// as English. The words keep their order within each, so a quoted phrase is still found as written.
/// </summary>
public sealed record SearchScripts(string Arabic, string Other)
{
    public static SearchScripts Of(string normalized)
    {
        var (arabic, other) = (new StringBuilder(), new StringBuilder());
        foreach (var word in SearchTerms.Words(normalized))
            (IsArabic(word) ? arabic : other).Append(word).Append(' ');
        return new SearchScripts(arabic.ToString().TrimEnd(), other.ToString().TrimEnd());
    }

    /// <summary>A word with any letter or digit of the Arabic blocks (Arabic, its supplement and extended-A, the presentation forms).</summary>
    public static bool IsArabic(string word) =>
        word.Any(c => c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'));
}
