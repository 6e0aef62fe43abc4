using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Grid.Grains.Text;

/// <summary>
/// Recognises a line that is mostly a date or time: "29 مارس، 2024 12:57 م", "الخميس 28 آذار 2024",
/// "2024-03-29 12:57", "بغداد – 29 مارس 2024", "منذ 3 ساعات". A sentence that merely mentions a date is not one.
/// </summary>
internal static partial class DateLineDetector
{
    private const int MaxWords = 14;
    private const double MinDateShare = 0.75;

    // Month and weekday names anchor a date: digits alone ("2024") could be anything.
    private static readonly FrozenSet<string> Anchors = Words(
        "يناير فبراير مارس أبريل إبريل ابريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر",
        "كانون شباط آذار اذار نيسان أيار ايار حزيران تموز آب اب أيلول ايلول تشرين",
        "محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة",
        "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت",
        "january february march april may june july august september october november december",
        "jan feb mar apr jun jul aug sep sept oct nov dec",
        "sunday monday tuesday wednesday thursday friday saturday",
        "منذ");

    private static readonly FrozenSet<string> Fillers = Words(
        "الأول الاول الثاني الآخر الاخر الأولى الثانية ذو ذي",
        "م ص ه هـ مساء مساءً صباحا صباحاً ظهرا ظهراً am pm gmt utc بتوقيت غرينتش",
        "الساعة ساعة ساعات دقيقة دقائق يوم أيام ايام أسبوع شهر",
        "في يوم تاريخ النشر نشر نشرت بتاريخ آخر اخر تحديث تم التحديث",
        "published updated posted on at");

    /// <summary>Whether <paramref name="line"/> is a date/time line rather than text.</summary>
    public static bool IsDateLine(LineTraits line)
    {
        if (line.EndsLikeSentence)
        {
            return false;
        }
        var words = MatchKey.Of(line.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords || !words.Any(IsNumber))
        {
            return false;
        }

        var anchored = words.Any(Anchors.Contains) || NumericDate().IsMatch(line.Text) || ClockTime().IsMatch(line.Text);
        var dateWords = words.Count(word => IsNumber(word) || Anchors.Contains(word) || Fillers.Contains(word));
        return anchored && dateWords >= MinDateShare * words.Length;
    }

    private static bool IsNumber(string word) => word.All(char.IsDigit);

    private static FrozenSet<string> Words(params string[] lists) =>
        lists.SelectMany(list => MatchKey.Of(list).Split(' ')).ToFrozenSet();

    [GeneratedRegex(@"\b\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();
}
