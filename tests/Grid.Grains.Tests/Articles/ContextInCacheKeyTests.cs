using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Articles;

/// <summary>A paragraph two articles share, after different paragraphs: one translation or two, as configured.</summary>
public sealed class ContextInCacheKeyTests
{
    private const string Shared = "وأكد المتحدث أن الاجتماع سيبحث التعاون الأمني بين البلدين خلال الأسابيع المقبلة.";

    [Fact]
    public void ByDefaultASharedParagraphAfterDifferentTextIsAnotherTranslation()
    {
        var (first, second) = SharedChunkKeys(new TranslationOptions());

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void WithoutTheContextInTheKeyASharedParagraphIsOneTranslationWhateverComesBefore()
    {
        var (first, second) = SharedChunkKeys(new TranslationOptions { ContextInCacheKey = false });

        Assert.Equal(first, second);
    }

    [Fact]
    public void WithoutTheContextInTheKeyThePromptStillCarriesIt()
    {
        var work = Work("أعلن الرئيس اليوم عن خطة جديدة لدعم الاقتصاد الوطني في البلاد.", new TranslationOptions { ContextInCacheKey = false });

        Assert.Contains("الاقتصاد الوطني", work.Single(item => item.Text == Shared).Context);
    }

    private static (string First, string Second) SharedChunkKeys(TranslationOptions translation)
    {
        var first = Work("أعلن الرئيس اليوم عن خطة جديدة لدعم الاقتصاد الوطني في البلاد.", translation);
        var second = Work("قالت الوزارة إن الوفد سيصل إلى العاصمة مساء الخميس لإجراء محادثات.", translation);
        return (first.Single(item => item.Text == Shared).Key, second.Single(item => item.Text == Shared).Key);
    }

    /// <summary>Two paragraphs in two chunks (30 tokens hold one of them, not both), so the second carries the first as context.</summary>
    private static IReadOnlyList<WorkItem> Work(string before, TranslationOptions translation)
    {
        var state = ArticleDraft.Create(new ArticleSubmission($"{before}\n\n{Shared}"), new ArticleOptions { ChunkTokens = 30 }, "model", translation).State!;
        return state.Plan!.Work();
    }
}
