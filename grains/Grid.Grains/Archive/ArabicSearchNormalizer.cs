using System.Text;
using Grid.Grains.Text;

namespace Grid.Grains.Archive;

/// <summary>
/// Arabic as the archive indexes and searches it, so that one word is found whichever way a newsroom
/// spelled it: the alef forms أ إ آ ٱ as ا, ta marbuta ة as ه, alef maqsura ى as ي (the letter folding
/// <see cref="ArabicWords"/> uses for glossary terms), and no harakat, Quranic marks or tatweel. Applied to
/// the text before it is indexed and to every search, never to what a reader sees. Other scripts pass
/// through unchanged (the index folds their case and stems English).
/// </summary>
public static class ArabicSearchNormalizer
{
    private const char Tatweel = '\u0640';

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Composed first: an alef typed as ا + combining hamza (U+0654) becomes أ, and then folds like one.
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (c == Tatweel || IsMark(c))
                continue;
            builder.Append(ArabicWords.FoldLetter(c));
        }
        return builder.ToString();
    }

    /// <summary>Harakat, tanwin, shadda, sukun and the small marks above and below (U+064B-065F, U+0670), and Quranic annotation signs.</summary>
    private static bool IsMark(char c) =>
        c is (>= '\u064B' and <= '\u065F') or '\u0670' or (>= '\u0610' and <= '\u061A') or (>= '\u06D6' and <= '\u06DC') or (>= '\u06DF' and <= '\u06E4')
            or '\u06E7' or '\u06E8' or (>= '\u06EA' and <= '\u06ED');
}
