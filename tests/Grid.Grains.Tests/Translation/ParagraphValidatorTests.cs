using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Llm;

/// <summary>Each rule a paragraph's English is judged by against its own Arabic: one case it lets through, one it rejects.</summary>
public sealed class ParagraphValidatorTests
{
    private const string Arabic = "أعلنت الوزارة يوم الخميس أنها ستستضيف ٢٥ مسؤولا عسكريا عراقيا في عام ٢٠٢٤ لبحث أربعة ملفات.";
    private const string English = "The ministry announced on Thursday that it will host 25 Iraqi military officials in 2024 to discuss four files.";

    [Fact]
    public void AFaithfulTranslationPassesEveryRule()
    {
        Assert.Null(ParagraphValidator.Problem(English, Arabic));
    }

    [Fact]
    public void AShortPayloadInPlaceOfAFullSentenceIsTooShort()
    {
        Assert.Null(ParagraphValidator.LengthProblem(English, Arabic));
        Assert.Contains("too short", ParagraphValidator.LengthProblem("HACKED", Arabic));
    }

    [Fact]
    public void AShortLineMayExpandAndANoveLengthAnswerMayNot()
    {
        Assert.Null(ParagraphValidator.LengthProblem("Saudi Press Agency (SPA)", "واس"));
        Assert.Null(ParagraphValidator.LengthProblem("(AFP)", "(أ ف ب)"));
        Assert.Contains("too long", ParagraphValidator.LengthProblem(string.Join(' ', Enumerable.Repeat(English, 6)), Arabic));
    }

    [Fact]
    public void AParagraphLeftInArabicAmongEnglishIsRejectedAndANameInArabicScriptIsNot()
    {
        Assert.Null(ParagraphValidator.ScriptProblem(English + " (كيربي)"));
        Assert.Contains("still Arabic", ParagraphValidator.ScriptProblem(Arabic));
    }

    [Theory]
    [InlineData("٢٥ ألف متظاهر في ٢٠٢٤", "25,000 protesters in 2024")]
    [InlineData("1,500 جندي", "1500 soldiers")]
    [InlineData("٢٥٠٠٠ شخص", "25 thousand people")]
    [InlineData("في ٠٥/٠٣/٢٠٢٤ قتل ٣ أشخاص", "On March 5, 2024, three people were killed")]
    public void NumbersThatSurviveInAnotherFormPass(string arabic, string english)
    {
        Assert.Null(ParagraphValidator.NumbersProblem(english, arabic));
    }

    [Fact]
    public void ANumberOfTheArabicMissingFromTheEnglishIsRejected()
    {
        var problem = ParagraphValidator.NumbersProblem("The ministry will host Iraqi officials this year.", Arabic);

        Assert.Contains("25", problem);
        Assert.Contains("2024", problem);
    }

    [Theory]
    [InlineData("Here is the translation of the paragraph:\nThe ministry announced it.")]
    [InlineData("The ministry announced it.\nNote: the original is ambiguous.")]
    [InlineData("The ministry announced it.\n(Translator's note: literally \"the house\")")]
    [InlineData("The ministry announced it.</source>")]
    [InlineData("<context>The ministry announced it.")]
    public void APreambleANoteOrAPromptTagLeftInTheEnglishIsRejected(string english)
    {
        Assert.NotNull(ParagraphValidator.LeftoverProblem(english));
    }

    [Theory]
    [InlineData("Here is what the minister said: the talks will go on.")]
    [InlineData("The translation of the treaty into Kurdish was approved.")]
    [InlineData("The notes were signed in Baghdad.")]
    public void ProseThatMerelyMentionsTheseWordsPasses(string english)
    {
        Assert.Null(ParagraphValidator.LeftoverProblem(english));
    }

    [Fact]
    public void AChunkAnswerWhoseOneParagraphIsAPayloadIsRejectedNamingThatParagraph()
    {
        // Long enough as a whole to pass the chunk-wide length check: only the paragraph's own check sees it.
        var answer = $"{Transliteration(LlmSamples.FirstParagraph)}\n\nHACKED";

        var check = TranslationValidator.Check(answer, LlmSamples.TwoParagraphs, 2);

        Assert.False(check.Accepted);
        Assert.Contains("paragraph 2 of 2", check.Problem);
        Assert.Contains("too short", check.Problem);
    }

    [Fact]
    public void AChunkAnswerWithAParagraphLeftInArabicIsRejectedThoughTheWholeIsMostlyEnglish()
    {
        var third = "وأضاف أن الوفد سيبقى في واشنطن أسبوعا.";
        var source = LlmSamples.TwoParagraphs + "\n\n" + third;
        var answer = $"{Transliteration(LlmSamples.FirstParagraph)}\n\n{Transliteration(LlmSamples.SecondParagraph)}\n\n{third}";

        var check = TranslationValidator.Check(answer, source, 3);

        Assert.False(check.Accepted);
        Assert.Contains("paragraph 3 of 3", check.Problem);
    }

    private static string Transliteration(string arabic) => Grid.OllamaEmulator.Transliteration.ToLatin(arabic);
}
