using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The paragraph cache key holds everything that shapes a paragraph's English but the glossary: changing any one part is another
/// translation. The glossary is checked on the English itself, variant by variant (VariantStoreTests).
/// </summary>
public sealed class ParagraphKeyTests
{
    private const string Paragraph = "وأكد المتحدث أن الاجتماع سيبحث التعاون الأمني.";
    private const string Context = "نص قبل الفقرة.";
    private static readonly GlossaryEntry Entry = new("المتحدث", "spokesman");

    private static string Key(string paragraph = Paragraph, string? context = Context, TranslationMode mode = TranslationMode.Fast,
        string model = "qwen2.5:7b", string version = "translate-v3", bool withContext = true) =>
        ParagraphKey.For(paragraph, context, mode, model, version, withContext);

    [Fact]
    public void TheSameParagraphIsTheSameKeyAndItsTextIsComparedNormalized() =>
        Assert.Equal(Key(), Key(paragraph: "  وأكد المتحدث أن الاجتماع   سيبحث التعاون الأمني. "));

    [Fact]
    public void TheTextIsPartOfTheKey() => Assert.NotEqual(Key(), Key(paragraph: "وأكد المتحدث أن الاجتماع سيبحث التعاون الاقتصادي."));

    [Fact]
    public void TheModelIsPartOfTheKey() => Assert.NotEqual(Key(), Key(model: "llama3.1:8b"));

    [Fact]
    public void ThePromptVersionIsPartOfTheKey() => Assert.NotEqual(Key(), Key(version: "translate-v4"));

    [Fact]
    public void TheModeIsPartOfTheKey() => Assert.NotEqual(Key(), Key(mode: TranslationMode.Reflect));

    [Fact]
    public void TheContextIsPartOfTheKeyUnlessLeftOut()
    {
        Assert.NotEqual(Key(), Key(context: "نص آخر قبل الفقرة."));
        Assert.NotEqual(Key(), Key(context: null));
        Assert.Equal(Key(withContext: false), Key(context: "نص آخر قبل الفقرة.", withContext: false));
    }

    [Fact]
    public void AParagraphKeyIsNeverAChunkKey() =>
        Assert.NotEqual(ChunkKey.For(new ChunkTranslationRequest(Paragraph, 1, "a1", [Entry], Context), "qwen2.5:7b", "translate-v3", withContext: true), Key());
}
