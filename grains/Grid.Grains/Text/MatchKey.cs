using System.Globalization;
using System.Text;

namespace Grid.Grains.Text;

/// <summary>
/// The loose form of a line used to compare it with known phrases: no diacritics or tatweel, one shape
/// for the letters Arabic sites spell interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه), Latin in lower case,
/// punctuation as spaces. "آخر الأخبار", "أخر الاخبار" and "اخر الأخبار:" all become "اخر الاخبار".
/// </summary>
internal static class MatchKey
{
    public static string Of(string text)
    {
        var hashed = TextNormalizer.ForHashing(text);
        var builder = new StringBuilder(hashed.Length);
        var pendingSpace = false;
        foreach (var c in hashed)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(ArabicWords.FoldLetter(c));
        }
        return builder.ToString();
    }
}
