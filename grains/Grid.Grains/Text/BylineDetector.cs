using System.Collections.Frozen;

namespace Grid.Grains.Text;

/// <summary>
/// Recognises an author or source line: "وكالات – كتابات :", "بقلم: أحمد علي", "كتب – محمد حسن",
/// "المصدر: رويترز", "بغداد – رويترز", "متابعات –".
/// </summary>
internal static class BylineDetector
{
    private const int MaxWords = 8;
    private const int MaxWordsWithoutKeyword = 6;
    private const string Dashes = "-–—";

    // These open a byline whatever follows them.
    private static readonly FrozenSet<string> AuthorWords = Words("بقلم by");

    // These open a byline only with a ":" or dash after them: "كتب" is also "books", "المصدر" also "the source".
    private static readonly FrozenSet<string> CreditWords = Words(
        "كتب كتبت كتبه إعداد اعداد ترجمة تحرير المحرر متابعة متابعات المصدر مصدر مراسل مراسلنا source written reporting");

    private static readonly FrozenSet<string> AgencyWords = Words(
        "وكالات وكالة الوكالات رويترز فرانس برس الأناضول الاناضول سبوتنيك واع سانا وام واس قنا بترا كونا",
        "الأنباء خاص متابعات كتابات شينخوا أسوشيتد reuters afp ap dpa xinhua agencies");

    // Multi-word agency names, compared against the whole match key: "أ ف ب" and "أ.ف.ب" both become "ا ف ب".
    private static readonly string[] AgencyPhrases = ["ا ف ب", "د ب ا", "اف ب"];

    /// <summary>Whether <paramref name="line"/> is a byline or source line.</summary>
    public static bool IsByline(LineTraits line)
    {
        if (line.WordCount is 0 or > MaxWords || line.EndsLikeSentence)
        {
            return false;
        }

        var key = MatchKey.Of(line.Text);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = words[0];
        var hasDash = line.Text.AsSpan().IndexOfAny(Dashes) >= 0;
        var hasCreditMark = hasDash || line.Text.Contains(':');
        if (AuthorWords.Contains(first) || (CreditWords.Contains(first) && hasCreditMark))
        {
            return true;
        }

        if (line.WordCount > MaxWordsWithoutKeyword)
        {
            return false;
        }
        var hasAgency = words.Any(AgencyWords.Contains) || AgencyPhrases.Any(phrase => $" {key} ".Contains($" {phrase} "));
        var trimmed = line.Text.TrimEnd();
        var endsOpen = trimmed.EndsWith(':') || Dashes.Contains(trimmed[^1]);
        return hasAgency && (endsOpen || hasDash || words.All(AgencyWords.Contains));
    }

    private static FrozenSet<string> Words(params string[] lists) =>
        lists.SelectMany(list => MatchKey.Of(list).Split(' ')).ToFrozenSet();
}
