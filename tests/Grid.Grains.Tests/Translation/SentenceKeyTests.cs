using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>The sentence memory's key holds the normalized sentence, the model, the prompt version and the mode: changing any one is another translation.</summary>
public sealed class SentenceKeyTests
{
    private const string Sentence = "وأكد المتحدث أن الاجتماع سيبحث التعاون الأمني.";

    private static string Key(string sentence = Sentence, TranslationMode mode = TranslationMode.Fast, string model = "qwen2.5:7b", string version = "translate-v4") =>
        SentenceKey.For(sentence, mode, model, version);

    [Fact]
    public void TheSameSentenceIsTheSameKeyAndItsTextIsComparedNormalized() =>
        Assert.Equal(Key(), Key(sentence: "  وأكد المتحدث أن الاجتماع   سيبحث التعاون الأمني. "));

    [Fact]
    public void TheTextIsPartOfTheKey() => Assert.NotEqual(Key(), Key(sentence: "وأكد المتحدث أن الاجتماع سيبحث التعاون الاقتصادي."));

    [Fact]
    public void TheModelIsPartOfTheKey() => Assert.NotEqual(Key(), Key(model: "llama3.1:8b"));

    [Fact]
    public void ThePromptVersionIsPartOfTheKey() => Assert.NotEqual(Key(), Key(version: "translate-v5"));

    [Fact]
    public void TheModeIsPartOfTheKey() => Assert.NotEqual(Key(), Key(mode: TranslationMode.Reflect));

    [Fact]
    public void ASentenceKeyIsNeverTheKeyOfTheSameTextAsAParagraph() =>
        Assert.NotEqual(ParagraphKey.For(Sentence, null, TranslationMode.Fast, "qwen2.5:7b", "translate-v4", withContext: false), Key());
}
