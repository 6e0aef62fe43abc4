namespace Grid.Cluster.Tests.Pages;

/// <summary>What the saved pages hold: each body paragraph's first words, and furniture that must not be translated.</summary>
internal static class PageArticles
{
    public static readonly string[] Utf8ParagraphStarts = SampleArticles.SeedParagraphStarts;

    public const string Utf8TitleStart = "لبحث العلاقات العسكرية";

    public static readonly string[] Utf8Furniture =
    [
        "وزير الخارجية العراقي يبحث مع نظيره", "البرلمان العراقي يناقش قانون", "التحالف الدولي يعلن تقليص", "أخبار ذات صلة",
        "ارتفاع أسعار النفط", "وزارة الصحة تعلن حملة", "عطر الكتب", "جميع الحقوق محفوظة", "شارك المقال", "واتساب", "Facebook", "كتابات الثقافية",
    ];

    public static readonly string[] Windows1256ParagraphStarts =
        ["قرر البنك المركزي", "وقال البنك في بيان", "وأضاف البيان أن", "وأشار محافظ البنك", "من جهتهم، توقع", "يذكر أن البنك"];

    public const string Windows1256TitleStart = "البنك المركزي الأردني يبقي";

    public static readonly string[] Windows1256Furniture =
    [
        "اقرأ أيضاً", "الحكومة تقر موازنة", "ارتفاع الصادرات الوطنية", "بورصة عمّان تغلق", "التعليقات", "كن أول من يعلق",
        "الأكثر قراءة", "أجواء ربيعية", "الكلمات الدالة", "فيسبوك", "سياسة الخصوصية", "عربي ودولي",
    ];
}
