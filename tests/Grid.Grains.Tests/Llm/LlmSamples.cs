using Grid.Abstractions.Translation;
using Grid.OllamaEmulator;

namespace Grid.Grains.Tests.Llm;

/// <summary>Inputs shared by the LLM boundary tests.</summary>
internal static class LlmSamples
{
    public const string FirstParagraph =
        "أعلن المتحدث باسم “وزارة الدفاع” الأميركية، (البنتاغون)، “جون كيربي”، يوم الخميس، أن الوزارة ستستضيف مسؤولين عسكريين عراقيين لبحث أربعة ملفات.";

    public const string SecondParagraph =
        "وقال “كيربي”، في تصريح للتلفزيون الرسمي؛ إن الاجتماع سيتناول الشق التقني للعلاقة العسكرية بين الولايات المتحدة والعراق.";

    /// <summary>A chunk of two paragraph pieces, as the article grain sends it.</summary>
    public static string TwoParagraphs => FirstParagraph + "\n\n" + SecondParagraph;

    /// <summary>What the emulator answers for <see cref="TwoParagraphs"/>, paragraph by paragraph.</summary>
    public static string[] TwoParagraphsInEnglish =>
        [Transliteration.ToLatin(FirstParagraph), Transliteration.ToLatin(SecondParagraph)];

    public static ChunkTranslationRequest TwoParagraphRequest => new(TwoParagraphs, 2, "article-1");

    /// <summary>A chunk of one piece: when its answers keep failing it cannot be split, so it shows the retries of a single request.</summary>
    public static ChunkTranslationRequest OneParagraphRequest => new(FirstParagraph, 1, "article-1");

    /// <summary>English paragraphs of a translated article, for the summarizer.</summary>
    public static IReadOnlyList<string> EnglishArticle { get; } =
    [
        "The Pentagon will host Iraqi military officials on Thursday to discuss four files, spokesman John Kirby said.",
        "Kirby told state television that the meeting falls within the strategic dialogue and covers the technical side of the military relationship.",
        "He said the talks would also address the American military presence in Iraq and the fight against the Islamic State group.",
    ];
}
