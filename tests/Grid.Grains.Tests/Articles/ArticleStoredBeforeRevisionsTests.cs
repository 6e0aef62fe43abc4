using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// An article stored by the code before revisions (Stored/article-state-before-revisions.json, written by
/// that code through Orleans' storage serializer: three paragraphs and a title, completed with a summary)
/// loads as revision 1 with nothing older and nothing changed, pays as it did, and can be revised.
/// </summary>
public sealed class ArticleStoredBeforeRevisionsTests
{
    [Fact]
    public void ItReadsAsRevisionOneWithNothingOlderAndNothingChanged()
    {
        var article = Stored();

        Assert.Equal((0, 1), (article.Revision, article.CurrentRevision));
        Assert.Empty(article.OlderRevisions);
        var view = ArticleViewBuilder.Build(Id, article, []);
        Assert.Equal(1, view.Revision);
        Assert.Empty(view.OlderRevisions);
        Assert.All(view.Paragraphs, paragraph => Assert.False(paragraph.Changed));
        Assert.All(view.Paragraphs, paragraph => Assert.Equal(English(paragraph.Ar), paragraph.En));
        Assert.Equal($"{Id}@{article.SubmittedAt.UtcTicks}", article.Payer(Id));
    }

    [Fact]
    public void ItIsRevisedWithItsOwnTextKeptAsRevisionOne()
    {
        var article = Stored();
        var before = ArticleViewBuilder.Build(Id, article, []);

        var next = RevisionDraft.Create(Id, article, new ArticleSubmission(article.Submission!.Text + "\n\nفقرة جديدة عن الاجتماع في بغداد اليوم."), Options(20), Model, new TranslationOptions(), DateTimeOffset.UtcNow).Next!;

        Assert.Equal(2, next.Revision);
        var kept = Assert.Single(next.OlderRevisions);
        Assert.Equal<ParagraphView>(before.Paragraphs, kept.Paragraphs);
        Assert.Equal(before.Summary, kept.Summary);
        Assert.Equal([3], next.ChangedParagraphs);
    }

    private static ArticleState Stored()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Articles", "Stored", "article-state-before-revisions.json"));
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        var article = services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>().Deserialize<ArticleState>(new BinaryData(bytes))!;
        Assert.Equal(ArticleStatus.Completed, article.Status);
        Assert.NotNull(article.Plan);
        return article;
    }
}
