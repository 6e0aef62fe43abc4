namespace Grid.OllamaEmulator.Tests;

/// <summary>Arabic inputs shared by the tests.</summary>
internal static class ArabicSamples
{
    public const string Model = "qwen2.5:7b";

    /// <summary>Two paragraphs with a blank line between them, Arabic punctuation and digits.</summary>
    public const string TwoParagraphs =
        "أعلن المتحدث باسم “وزارة الدفاع” الأميركية، (البنتاغون)، يوم الخميس ٢٩ مارس.\n"
        + "\n"
        + "وقال كيربي؛ إن الاجتماع سيبحث أربعة ملفات؟";

    /// <summary>A paragraph long enough to stream in many lines and be cut by small limits.</summary>
    public const string LongParagraph =
        "وجدد كيربي استعداد الرئيس بايدن لاتخاذ الإجراءات اللازمة لحماية الأميركيين، لافتا إلى أن الشركاء العراقيين يتفهمون ذلك. "
        + "وذكر أن اللقاء سيناقش أيضا الوجود العسكري الأميركي في العراق. "
        + "وأن القوات الأميركية موجودة في العراق بدعوة من الحكومة العراقية لمحاربة داعش.";

    public static string Article => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "kitabat-pentagon-iraq.txt"));

    /// <summary>Gives up on a test after 30 s instead of hanging the run.</summary>
    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
}
