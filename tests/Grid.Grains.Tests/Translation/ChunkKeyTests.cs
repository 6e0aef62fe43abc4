using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The chunk cache key holds everything that shapes a translation: changing any one part is another
/// translation (a cache that ignored the model would serve the old model's English after a switch).
/// </summary>
public sealed class ChunkKeyTests
{
    private static readonly ChunkTranslationRequest Request = new(
        "وأكد المتحدث أن الاجتماع سيبحث التعاون الأمني.", 1, "a1",
        [new GlossaryEntry("المتحدث", "spokesman")], "نص قبل الفقرة.", TranslationMode.Fast);

    private static string Key(ChunkTranslationRequest request, string model = "qwen2.5:7b", string version = "translate-v3", bool withContext = true) =>
        ChunkKey.For(request, model, version, withContext);

    [Fact]
    public void TheSameRequestIsTheSameKeyWhoeverAsksAndWhoPays() =>
        Assert.Equal(Key(Request), Key(Request with { RequestedBy = "another", PaidBy = "another@1" }));

    [Fact]
    public void TheTextIsPartOfTheKey() => Assert.NotEqual(Key(Request), Key(Request with { Text = "وأكد المتحدث أن الاجتماع سيبحث التعاون الاقتصادي." }));

    [Fact]
    public void TheTextIsComparedNormalized() => Assert.Equal(Key(Request), Key(Request with { Text = "  وأكد المتحدث أن الاجتماع   سيبحث التعاون الأمني. " }));

    [Fact]
    public void TheModelIsPartOfTheKey() => Assert.NotEqual(Key(Request), Key(Request, model: "llama3.1:8b"));

    [Fact]
    public void ThePromptVersionIsPartOfTheKey() => Assert.NotEqual(Key(Request), Key(Request, version: "translate-v4"));

    [Fact]
    public void TheCurrentPromptVersionIsTheOneUsed() =>
        Assert.Equal(ChunkKey.For(Request, "qwen2.5:7b"), Key(Request, version: TranslationPrompt.Version));

    [Fact]
    public void EachPartOfAGlossaryEntryIsPartOfTheKey()
    {
        var entry = Request.Glossary[0];
        Assert.NotEqual(Key(Request), Key(Request with { Glossary = [] }));
        Assert.NotEqual(Key(Request), Key(Request with { Glossary = [entry with { Source = "الوزير" }] }));
        Assert.NotEqual(Key(Request), Key(Request with { Glossary = [entry with { English = "spokesperson" }] }));
        Assert.NotEqual(Key(Request), Key(Request with { Glossary = [entry with { Kind = "title" }] }));
    }

    [Fact]
    public void TheContextIsPartOfTheKeyUnlessLeftOut()
    {
        var otherContext = Request with { Context = "نص آخر قبل الفقرة." };
        Assert.NotEqual(Key(Request), Key(otherContext));
        Assert.NotEqual(Key(Request), Key(Request with { Context = null }));
        Assert.Equal(Key(Request, withContext: false), Key(otherContext, withContext: false));
    }

    [Fact]
    public void TheModeAndTheGlossaryRetryArePartOfTheKey()
    {
        Assert.NotEqual(Key(Request), Key(Request with { Mode = TranslationMode.Reflect }));
        Assert.NotEqual(Key(Request), Key(Request with { GlossaryRetry = true }));
    }
}
