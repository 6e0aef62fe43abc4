using System.Text;

namespace Grid.Grains.Tests.Text;

/// <summary>
/// Makes random but realistic Arabic news text from a seed: prose paragraphs, headlines, date lines,
/// bylines and the cruft scraped pages carry. The vocabulary avoids words the parser treats as signals.
/// </summary>
internal sealed class ArabicArticleGenerator(int seed)
{
    private static readonly string[] Vocabulary =
    [
        "الحكومة", "العراقية", "وزير", "الخارجية", "المباحثات", "القوات", "الأميركية", "الاجتماع", "البرلمان",
        "الاقتصاد", "النفط", "المدينة", "الشعب", "الرئيس", "المسؤولين", "الأمن", "التعاون", "الولايات", "المتحدة",
        "بغداد", "واشنطن", "قال", "أعلن", "أكد", "أشار", "أوضح", "إن", "أن", "على", "من", "إلى", "عن", "مع", "بين",
        "خلال", "بعد", "قبل", "الجديد", "الدولي", "المشترك", "الإستراتيجي", "الحوار", "الملفات", "العسكرية",
        "السياسية", "الانتخابات", "المحافظة", "الصحة", "التعليم", "المياه", "الكهرباء", "الطاقة", "الزراعة",
        "اجتماعًا", "مسؤولين", "التحالف", "الدعم", "والتدريب", "الانسحاب", "الجولة", "الرابعة", "البيان",
        "الصحيفة", "المقاتلة", "الحكومية", "الإرهاب", "مكافحة", "الشراكة", "طويلة", "الأمد", "المنطقة",
    ];

    private static readonly string[] SentenceEnds = [".", ".", ".", ".", "؟", "!"];
    private static readonly string[] TitleEnds = ["", "", "!", "؟", " ..", "..."];

    private static readonly string[] DateFormats =
    [
        "{0} مارس، {1} {2}:{3} م", "الخميس {0} آذار {1}", "{1}-03-{0} {2}:{3}", "نشر في {0}/03/{1} - {2}:{3} ص",
        "{0} كانون الثاني {1}", "March {0}, {1} {2}:{3} PM",
    ];

    private static readonly string[] Bylines =
    [
        "وكالات – كتابات :", "بقلم: أحمد علي", "كتب – محمد حسن", "المصدر: رويترز", "بغداد – رويترز", "متابعات –",
        "خاص – كتابات :",
    ];

    private static readonly string[] HeaderCruft =
    [
        "Search", "Close this search box.", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Telegram", "Print",
        "Share", "مشاركة", "الرئيسية", "Facebook Twitter LinkedIn", "تابعنا", "إعلان",
    ];

    private static readonly string[] InlineCruft = ["Facebook", "Twitter", "مشاركة", "طباعة", "Print", "إعلان"];

    private static readonly string[] TrailingCruft =
    [
        "أخبار ذات صلة", "أخر الاخبار", "آخر الأخبار", "الأكثر قراءة", "اقرأ أيضاً", "تابعنا", "التعليقات",
        "جميع الحقوق محفوظة © 2024 كتابات", "Copyright © 2024", "الوسوم: العراق، واشنطن",
    ];

    private readonly Random random = new(seed);

    public int Next(int minInclusive, int maxInclusive) => random.Next(minInclusive, maxInclusive + 1);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Word() => Pick(Vocabulary);

    /// <summary>A word of one letter repeated: longer than any budget when asked to be.</summary>
    public string LongWord(int length) => new('ك', length);

    public string Sentence(int words, double longWordChance = 0)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            if (i > 0)
            {
                builder.Append(Chance(0.15) ? "، " : " ");
            }
            builder.Append(Chance(longWordChance) ? LongWord(Next(20, 400)) : Word());
        }
        builder.Append(Pick(SentenceEnds));
        return Chance(0.1) ? $"«{builder}»" : builder.ToString();
    }

    public GeneratedParagraph Paragraph(int maxSentenceWords, double longWordChance = 0)
    {
        var sentences = Enumerable.Range(0, Next(1, 6))
            .Select(_ => Sentence(Next(1, maxSentenceWords), longWordChance))
            .ToList();
        var spans = new List<Range>();
        var position = 0;
        foreach (var sentence in sentences)
        {
            spans.Add(new Range(position, position + sentence.Length));
            position += sentence.Length + 1;
        }
        return new GeneratedParagraph(string.Join(' ', sentences), spans);
    }

    public string Title() =>
        string.Join(' ', Enumerable.Range(0, Next(3, 12)).Select(_ => Word())) + Pick(TitleEnds);

    public string DateLine() =>
        string.Format(Pick(DateFormats), Next(1, 28), Next(2000, 2030), Next(0, 12), Next(10, 59));

    public string Byline() => Pick(Bylines);

    public string HeaderCruftLine() => Pick(HeaderCruft);

    public string InlineCruftLine() => Pick(InlineCruft);

    /// <summary>Known trailing cruft, or a short label of a site section ("كتابات الثقافية").</summary>
    public string TrailingCruftLine() =>
        Chance(0.5) ? Pick(TrailingCruft) : string.Join(' ', Enumerable.Range(0, Next(1, 3)).Select(_ => Word()));
}
