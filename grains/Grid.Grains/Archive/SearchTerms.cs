using System.Text;

namespace Grid.Grains.Archive;

/// <summary>
/// A search as the index reads it: words that must all be there, and "quoted phrases" that must be
/// there as written, each normalized like the indexed text (<see cref="ArabicSearchNormalizer"/>).
/// Only letters and digits make words, so nothing a caller types is taken for FTS5 query syntax.
/// </summary>
public sealed class SearchTerms
{
    private SearchTerms(IReadOnlyList<string> phrases) => Phrases = phrases;

    /// <summary>Each a word, or the words of one quoted phrase joined by spaces.</summary>
    public IReadOnlyList<string> Phrases { get; }

    public bool IsEmpty => Phrases.Count == 0;

    public static SearchTerms Parse(string? search)
    {
        var phrases = new List<string>();
        var normalized = ArabicSearchNormalizer.Normalize(search ?? "");
        var quoted = normalized.Split('"');
        for (var i = 0; i < quoted.Length; i++)
        {
            var words = Words(quoted[i]);
            // Odd pieces were between quotes (an unclosed quote runs to the end).
            if (i % 2 == 1 && words.Count > 0)
                phrases.Add(string.Join(' ', words));
            else
                phrases.AddRange(words);
        }
        return new SearchTerms(phrases);
    }

    /// <summary>The FTS5 query: every phrase quoted, all of them required.</summary>
    public string ToMatchExpression() => string.Join(" AND ", Phrases.Select(phrase => $"\"{phrase}\""));

    /// <summary>The runs of letters and digits in <paramref name="text"/>, in order.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }
}
