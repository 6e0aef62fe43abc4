using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// An article stored while the failure kind was still called <c>TranslationFailureKind</c>
/// (Stored/article-state-before-llm-failure-kind.json, written by that code through Orleans' storage serializer:
/// three paragraphs, the first answered, the second failed for want of a backend, the third with an unusable answer)
/// loads with the same failures under <see cref="LlmFailureKind"/>, and reads and re-drives as it did.
/// </summary>
public sealed class ArticleStoredBeforeLlmFailureKindTests
{
    [Fact]
    public void ItsFailedAnswersKeepTheirKinds()
    {
        var plan = Stored().Plan!;

        Assert.Equal([LlmFailureKind.None, LlmFailureKind.NoBackend, LlmFailureKind.InvalidAnswer], plan.Units.Select(unit => plan.Answers[unit.Index].Failure));
        Assert.True(plan.HasFailure(LlmFailureKind.NoBackend));
        Assert.False(plan.HasFailure(LlmFailureKind.ModelMissing));
    }

    [Fact]
    public void ItReadsWithTheAnsweredParagraphAndTheOthersMissing()
    {
        var article = Stored();

        var view = ArticleViewBuilder.Build(Id, article, []);

        Assert.Equal([English(view.Paragraphs[0].Ar), null, null], view.Paragraphs.Select(paragraph => paragraph.En));
        Assert.Equal(2, view.MissingParagraphs);
    }

    private static ArticleState Stored()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Articles", "Stored", "article-state-before-llm-failure-kind.json"));
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        var article = services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>().Deserialize<ArticleState>(new BinaryData(bytes))!;
        Assert.False(article.Finished);
        Assert.NotNull(article.Plan);
        return article;
    }
}
