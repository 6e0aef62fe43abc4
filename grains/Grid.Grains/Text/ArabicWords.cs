using System.Runtime.CompilerServices;
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
    private ArabicWords(List<string> words) => Words = words.AsReadOnly();

    public IReadOnlyList<string> Words { get; }

    /// <summary>
    /// The words of each text still in use, by the very string: a plan asks for the words of the same paragraph each time it
    /// packs, looks up or checks it, and folding them again was about 30 KB per LLM call in the <c>overhead</c> benchmark.
    /// Held weakly, so an entry lives exactly as long as its text does.
    /// </summary>
    private static readonly ConditionalWeakTable<string, ArabicWords> Known = new();

    public static ArabicWords Of(string text) => Known.GetValue(text, static text => new(Split(Fold(text))));

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
