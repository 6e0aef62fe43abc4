using System.Text;

namespace Grid.Grains.Text;

/// <summary>
/// The words of a text folded for matching terms: normalized as for hashing (no diacritics, no
/// tatweel), the hamza-carrying alefs (أ إ آ ٱ) as plain alef, ى as ي and ة as ه, so spellings that
/// newsrooms use interchangeably match. Anything that is not a letter or a digit separates words,
/// which drops the quotes and brackets names are often set in (“كيربي”, (البنتاغون)).
/// </summary>
public sealed class ArabicWords
{
    private ArabicWords(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public static ArabicWords Of(string text) => new(Split(Fold(text)));

    /// <summary>The folded form of one piece of text, as the words are compared.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in TextNormalizer.ForHashing(text))
            folded.Append(FoldLetter(c));
        return folded.ToString();
    }

    /// <summary>One letter in the shape spellings share: أ إ آ ٱ → ا, ى → ي, ة → ه; any other character as it is.</summary>
    public static char FoldLetter(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        _ => c,
    };

    private static List<string> Split(string folded)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }
}
