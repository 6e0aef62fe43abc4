using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// An article stored by the code before the plan (Stored/article-state-before-plan.json, written by that
/// code through Orleans' storage serializer: the sample article mid-translation, its title and two chunks
/// answered, four chunks out) loads, keeps every answer and key, and finishes.
/// </summary>
public sealed class ArticleStoredBeforePlanTests
{
    private const string OldId = "old-article";

    [Fact]
    public void ItLoadsWithEveryAnswerAndKeyAndTheTitleAsAFieldOfItsOwn()
    {
        var article = Stored();
        var oldKeys = article.OldWork.Select(item => item.Key).ToList();

        Assert.True(article.UpgradeToPlan());

        var plan = article.Plan!;
        Assert.Equal(oldKeys, plan.Units.Select(unit => unit.Key));
        Assert.Equal((2, 6), (plan.ChunksDone, plan.ChunksTotal));
        Assert.Equal("old english -1.0", plan.TitleEnglish);
        Assert.Equal(["old english 0.0", "old english 0.1", "old english 1.0", "old english 1.1"], plan.ParagraphEnglish().Take(4));
        Assert.Equal(oldKeys.Skip(3), plan.PendingWork().Select(item => item.Key));
        Assert.True(article.OldWork.IsEmpty && article.OldTranslations.Count == 0 && article.OldChunks.IsEmpty);
        Assert.False(article.UpgradeToPlan());
    }

    [Fact]
    public void ItFinishesWithTheAnswersStillOutAndReadsInOrder()
    {
        var article = Stored();
        article.UpgradeToPlan();
        var usageBefore = article.Usage;

        Assert.Equal(PlanStep.Wait, article.Plan!.Advance(Settings()));
        foreach (var item in article.Plan.PendingWork())
            article.Record(item.Key, Answer(UnitOf(article, item), article.Payer(OldId)), OldId);

        Assert.Equal(PlanStep.Summarize, article.Plan.Advance(Settings()));
        Assert.Equal(usageBefore.Calls + 4, article.Usage.Calls);
        var view = ArticleViewBuilder.Build(OldId, article, []);
        Assert.Equal(6, view.Progress.ChunksDone);
        Assert.All(view.Paragraphs, paragraph => Assert.NotNull(paragraph.En));
        Assert.Equal(EnglishOf(view.Paragraphs[^1].Ar), view.Paragraphs[^1].En);
    }

    [Fact]
    public void TheUpgradedStateIsStoredAsAPlanAndReadsBackTheSame()
    {
        var article = Stored();
        article.UpgradeToPlan();
        var serializer = StorageSerializer();

        var read = serializer.Deserialize<ArticleState>(serializer.Serialize(article))!;

        Assert.False(read.UpgradeToPlan());
        Assert.Equal(article.Plan!.Units.Select(unit => unit.Key), read.Plan!.Units.Select(unit => unit.Key));
        Assert.Equal<string?>(article.Plan.ParagraphEnglish(), read.Plan.ParagraphEnglish());
        Assert.Equal(article.Plan.TitleEnglish, read.Plan.TitleEnglish);
        Assert.Empty(read.OldWork);
    }

    private static string EnglishOf(string arabic) => English(arabic);

    private static ArticleState Stored()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Articles", "Stored", "article-state-before-plan.json"));
        var article = StorageSerializer().Deserialize<ArticleState>(new BinaryData(bytes))!;
        Assert.Equal(ArticleStatus.Translating, article.Status);
        Assert.Null(article.Plan);
        return article;
    }

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
