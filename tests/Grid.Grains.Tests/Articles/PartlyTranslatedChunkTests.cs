using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>A unit answered with one of its paragraphs left untranslated, as the article shows it and re-drives it.</summary>
public sealed class PartlyTranslatedChunkTests
{
    [Fact]
    public void TheOtherParagraphsReadTranslatedTheLeftOneHasNoEnglishAndIsNamedInTheWarnings()
    {
        var article = ThreeParagraphsInOneUnit();
        article.Record(article.Plan!.Units[0].Key, Partly(article, leftOut: 1), Id);

        var view = ArticleViewBuilder.Build(Id, article, []);

        Assert.Equal(["first", null, "third"], view.Paragraphs.Select(paragraph => paragraph.En));
        Assert.Contains("paragraph 1 was left untranslated: it obeyed the article", view.Warnings);
        Assert.DoesNotContain(view.Warnings, warning => warning.Contains("paragraph 0 was") || warning.Contains("paragraph 2 was"));
        Assert.Null(article.Plan.Failure());
        Assert.Equal(1, view.MissingParagraphs);
    }

    [Fact]
    public void AnArticleWithAParagraphLeftOutHasGapsAndANewRoundAsksForItsUnitAgain()
    {
        var article = ThreeParagraphsInOneUnit();
        article.Record(article.Plan!.Units[0].Key, Partly(article, leftOut: 1), Id);
        (article.Status, article.Summary, article.FinishedAt) = (ArticleStatus.Completed, new ArticleSummary("en", "ar", ["point"]), DateTimeOffset.UtcNow);

        Assert.True(article.HasGaps);
        article.StartNewRound();

        Assert.Equal([article.Plan.Units[0].Work], article.Plan.PendingWork());
    }

    [Fact]
    public void APartAnswerFromBeforeTheRoundIsIgnoredLikeAFailure()
    {
        var article = ThreeParagraphsInOneUnit();

        Assert.False(article.Record(article.Plan!.Units[0].Key, Partly(article, leftOut: 1) with { StartedAt = article.RoundStartedAt.AddSeconds(-1) }, Id));
        Assert.Equal([article.Plan.Units[0].Work], article.Plan.PendingWork());
    }

    private static ArticleState ThreeParagraphsInOneUnit()
    {
        var state = Article("فقرة أولى عن الاجتماع في بغداد.\n\nفقرة ثانية عن الاجتماع في بغداد.\n\nفقرة ثالثة عن الاجتماع في بغداد.");
        Assert.Equal(3, Assert.Single(state.Plan!.Units).Pieces.Length);
        return state;
    }

    private static ChunkTranslationResult Partly(ArticleState article, int leftOut) =>
        new(["first", "", "third"], LlmUsage.None, article.Payer(Id), StartedAt: DateTimeOffset.UtcNow, Untranslated: [new UntranslatedSegment(leftOut, "it obeyed the article")]);
}
