using System.Collections.Frozen;

namespace Grid.Grains.Text;

/// <summary>
/// The navigation, share, related-links and copyright lines that news sites wrap around articles,
/// in Arabic and English. Lines are compared by <see cref="MatchKey"/>, so spelling variants match.
/// </summary>
internal static class KnownCruft
{
    private static readonly FrozenDictionary<string, CruftMatch> WholeLines = BuildWholeLines();

    private static readonly FrozenSet<string> ShareWords = Keys(
        "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "print", "share", "email",
        "pinterest", "reddit", "messenger", "tumblr", "فيسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب",
        "تلغرام", "تليجرام", "تيليجرام", "لينكدان", "انستغرام", "انستجرام", "طباعة", "مشاركة", "شارك")
        .SelectMany(key => key.Split(' '))
        .ToFrozenSet();

    // A line that starts with one of these is cruft whatever follows ("اقرأ أيضا: <headline>", "الوسوم: ...").
    private static readonly (string Prefix, CruftMatch Match)[] Prefixes =
    [
        .. Keys("اقرأ أيضا", "اقرأ أيضاً", "اقرأ كذلك", "شاهد أيضا", "read also", "see also", "related")
            .Select(key => (key, new CruftMatch(OmissionReason.Related))),
        .. Keys("الوسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "tags")
            .Select(key => (key, new CruftMatch(OmissionReason.Tags, OpensSection: true))),
    ];

    private static readonly string[] FollowPrefixes = Keys("تابعنا", "تابعونا", "follow us");

    // Breadcrumbs and menus: "الرئيسية » أخبار » العراق", "Home | News | Iraq".
    private static readonly string[] TrailSeparators = ["»", "›", ">", "/", "\\", "•"];

    private static readonly string[] CopyrightPhrases = Keys("جميع الحقوق محفوظة", "all rights reserved", "حقوق النشر", "copyright");

    /// <summary>How <paramref name="line"/> is recognised as cruft, or null when it is not known cruft.</summary>
    public static CruftMatch? Match(LineTraits line)
    {
        var key = MatchKey.Of(line.Text);
        if (key.Length == 0)
        {
            return null;
        }
        if (WholeLines.TryGetValue(key, out var whole))
        {
            return whole;
        }
        if (key.Split(' ').All(ShareWords.Contains))
        {
            return new CruftMatch(OmissionReason.Share);
        }
        // Length limits keep a body paragraph that merely mentions these words out of the net.
        if (line.WordCount <= 20 && (line.Text.Contains('©') || CopyrightPhrases.Any(key.Contains)))
        {
            return new CruftMatch(OmissionReason.Copyright);
        }
        if (IsBreadcrumb(line))
        {
            return new CruftMatch(OmissionReason.Navigation);
        }
        if (line.WordCount <= 8 && FollowPrefixes.Any(prefix => StartsWithWords(key, prefix)))
        {
            return new CruftMatch(OmissionReason.Follow);
        }
        foreach (var (prefix, match) in Prefixes)
        {
            if (line.WordCount <= 30 && StartsWithWords(key, prefix))
            {
                return match;
            }
        }
        return null;
    }

    private static bool IsBreadcrumb(LineTraits line)
    {
        if (line.WordCount > 10 || line.HasSentencePunctuation)
        {
            return false;
        }
        var tokens = line.Text.Split(' ');
        return tokens.Any(TrailSeparators.Contains) || tokens.Count(token => token == "|") >= 2;
    }

    private static bool StartsWithWords(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && (key.Length == prefix.Length || key[prefix.Length] == ' ');

    private static string[] Keys(params string[] phrases) => [.. phrases.Select(MatchKey.Of).Distinct()];

    private static FrozenDictionary<string, CruftMatch> BuildWholeLines()
    {
        var lines = new Dictionary<string, CruftMatch>();
        void Add(CruftMatch match, params string[] phrases)
        {
            foreach (var key in Keys(phrases))
            {
                lines[key] = match;
            }
        }

        Add(new CruftMatch(OmissionReason.Navigation),
            "Search", "Close this search box.", "Menu", "Main menu", "Home", "Skip to content", "Toggle navigation",
            "Read more", "Load more", "Next", "Previous", "Back to top", "Search for:",
            "بحث", "ابحث", "إبحث", "الرئيسية", "الصفحة الرئيسية", "القائمة", "القائمة الرئيسية", "إغلاق",
            "المزيد", "اقرأ المزيد", "عرض المزيد", "السابق", "التالي", "العودة للأعلى");
        Add(new CruftMatch(OmissionReason.Share),
            "شارك الخبر", "شارك المقال", "شارك هذا", "شارك على", "نسخ الرابط", "انسخ الرابط", "أرسل لصديق",
            "Share this", "Share on", "Copy link", "Share this article");
        Add(new CruftMatch(OmissionReason.Related, IntroducesNextLine: true),
            "اقرأ أيضا", "اقرأ أيضاً", "اقرأ كذلك", "شاهد أيضا", "Read also", "See also");
        Add(new CruftMatch(OmissionReason.Related, OpensSection: true),
            "أخبار ذات صلة", "مقالات ذات صلة", "مواضيع ذات صلة", "أخبار متعلقة", "مقالات متعلقة",
            "أخر الاخبار", "آخر الأخبار", "أحدث الأخبار", "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا",
            "قد يهمك أيضا", "قد يعجبك أيضا", "المزيد من الأخبار", "Related", "Related posts", "Related articles",
            "Related news", "Latest news", "Latest", "Most read", "Most popular", "You may also like", "More stories");
        Add(new CruftMatch(OmissionReason.Comments, OpensSection: true),
            "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقا", "اترك تعليقا", "اترك تعليقاً", "اترك ردا", "اترك رداً",
            "Comments", "Leave a comment", "Leave a reply");
        Add(new CruftMatch(OmissionReason.Advert), "إعلان", "اعلان", "Advertisement", "Sponsored", "محتوى مدعوم");
        return lines.ToFrozenDictionary();
    }
}
