using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The rules of an article's plan: what is sent, what is pending, what the glossary pass does, when it is done.</summary>
public sealed class ArticlePlanTests
{
    private const string Title = "الرئيس يصل إلى بغداد في زيارة رسمية";

    [Fact]
    public void TheTitleIsAUnitOfItsOwnThatNoChunkCarriesAndThatIsNoChunk()
    {
        var plan = Article(paragraphs: 3, title: Title).Plan!;

        Assert.Equal(3, plan.ChunksTotal);
        Assert.True(Assert.Single(plan.Units[0].Pieces).IsTitle);
        Assert.Equal(Title, plan.Units[0].Work.Text);
        Assert.False(plan.Units[0].HasBody);
        Assert.All(plan.Units.Skip(1), unit => Assert.DoesNotContain(unit.Pieces, piece => piece.IsTitle));
        Assert.Equal([0, 1, 2, 3], plan.Units.Select(unit => unit.Index));
    }

    [Fact]
    public void AnArticleOfOneChunkAndATitleMakesNoGlossaryCall() =>
        Assert.False(Article(paragraphs: 1, title: Title).Plan!.GlossaryPending);

    [Fact]
    public void TheTitleReadsInEnglishOnceTheFirstUnitIsAnsweredAndATitleWithoutArabicReadsAsItIs()
    {
        var article = Article(paragraphs: 2, title: Title);
        Assert.Null(article.Plan!.TitleEnglish);
        AnswerAll(article);
        Assert.Equal(English(Title), article.Plan.TitleEnglish);

        var english = Article(paragraphs: 2, title: "Kirby in Baghdad").Plan!;
        Assert.DoesNotContain(english.Units.SelectMany(unit => unit.Pieces), piece => piece.IsTitle);
        Assert.Equal("Kirby in Baghdad", english.TitleEnglish);
    }

    [Fact]
    public void AnArticleOfSeveralUnitsWaitsForItsGlossaryAndOneOfOneUnitDoesNot()
    {
        var several = Article(paragraphs: 3).Plan!;
        Assert.Equal(PlanStep.ExtractGlossary, several.Advance(Settings()));
        several.ApplyGlossary([], Settings(20));
        Assert.Equal(PlanStep.LookUpParagraphs, several.Advance(Settings()));
        several.FillFromCache(new Dictionary<int, string>(), Settings(20));
        Assert.Equal(PlanStep.Wait, several.Advance(Settings()));

        var one = Article(paragraphs: 1).Plan!;
        Assert.Equal(PlanStep.LookUpParagraphs, one.Advance(Settings()));
        one.FillFromCache(new Dictionary<int, string>(), Settings());
        Assert.Equal(PlanStep.Wait, one.Advance(Settings()));
    }

    [Fact]
    public void TheExtractedGlossaryIsCarriedByTheUnitsWhereItsTermsOccurAndChangesTheirKeys()
    {
        var plan = Article("أعلن كيربي أن الاجتماع سيعقد اليوم.\n\nوقالت الوزارة إن الوفد وصل مساء الخميس.", chunkTokens: 20).Plan!;
        var before = plan.Units.Select(unit => unit.Key).ToList();

        plan.ApplyGlossary(Entries(("كيربي", "Kirby")), Settings());

        Assert.Equal("Kirby", Assert.Single(plan.Units[0].Work.Entries).English);
        Assert.Empty(plan.Units[1].Work.Entries);
        Assert.NotEqual(before[0], plan.Units[0].Key);
        Assert.Equal(before[1], plan.Units[1].Key);
    }

    [Fact]
    public void TheArticleGoesOnToItsSummaryOnlyOnceEveryUnitHasItsAnswer()
    {
        var article = Ready(Article(paragraphs: 3));
        var units = article.Plan!.Units;

        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        article.Record(units[2].Key, Answer(units[2], article.Payer(Id)), Id);
        Assert.Equal(PlanStep.Wait, article.Plan.Advance(Settings()));
        Assert.Equal((2, 3), (article.Plan.ChunksDone, article.Plan.ChunksTotal));
        Assert.Equal([units[1].Work], article.Plan.PendingWork());

        article.Record(units[1].Key, Answer(units[1], article.Payer(Id)), Id);
        Assert.Equal(PlanStep.Summarize, article.Plan.Advance(Settings()));
    }

    [Fact]
    public void AMissingModelFailsTheArticleEvenWhileOtherUnitsAreStillOut()
    {
        var article = Ready(Article(paragraphs: 3));
        article.Record(article.Plan!.Units[0].Key, Failed(LlmFailureKind.ModelMissing), Id);

        Assert.True(article.Plan.AwaitsTranslations);
        Assert.Equal(PlanStep.Fail, article.Plan.Advance(Settings()));
        Assert.Equal("model missing", article.Plan.Failure());
    }

    [Fact]
    public void TheArticleFailsOnlyWhenEveryUnitAnsweredAndNoneSucceeded()
    {
        var article = Ready(Article(paragraphs: 2));
        var units = article.Plan!.Units;
        article.Record(units[0].Key, Failed(LlmFailureKind.BackendUnavailable), Id);
        Assert.Null(article.Plan.Failure());

        article.Record(units[1].Key, Failed(LlmFailureKind.BackendUnavailable), Id);
        Assert.Equal(PlanStep.Fail, article.Plan.Advance(Settings()));
        Assert.Equal("no part of the article could be translated: backend down", article.Plan.Failure());
    }

    [Fact]
    public void MissingParagraphsCountTheParagraphsOfUnitsThatEndedUntranslated()
    {
        var article = Article(paragraphs: 3);
        var units = article.Plan!.Units;
        article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id);
        Assert.Equal(0, article.Plan.MissingParagraphs());

        article.Record(units[1].Key, Failed(LlmFailureKind.InvalidAnswer), Id);
        article.Record(units[2].Key, Failed(LlmFailureKind.NoBackend), Id);

        Assert.Equal(2, article.Plan.MissingParagraphs());
    }

    [Fact]
    public void AUnitWhoseEnglishMissesARenderingIsRetriedInsistingOnTheGlossaryAndTheBetterAnswerIsKept()
    {
        var article = GlossaryArticle();
        AnswerAll(article);

        Assert.Equal(PlanStep.Dispatch, article.Plan!.Advance(Settings()));
        var retry = Assert.Single(article.Plan.GlossaryRetries);
        Assert.True(retry.Work.GlossaryRetry);
        Assert.Equal(0, retry.Index);
        Assert.NotEqual(article.Plan.Units[0].Key, retry.Key);
        Assert.Equal([retry.Work], article.Plan.PendingWork());
        Assert.Equal(PlanStep.Wait, article.Plan.Advance(Settings()));

        article.Record(retry.Key, new(["Kirby said the meeting is today."], OneCall, article.Payer(Id), StartedAt: DateTimeOffset.UtcNow), Id);

        Assert.Equal(PlanStep.Summarize, article.Plan.Advance(Settings()));
        Assert.Equal("Kirby said the meeting is today.", article.Plan.ParagraphEnglish()[0]);
        Assert.Equal(OneCall, article.StageUsage[UsageStages.GlossaryRetry]);
        Assert.Empty(article.Plan.Warnings());
    }

    [Fact]
    public void AVariantSpellingIsReplacedAndARenderingStillMissingIsAWarningNamingItsParagraph()
    {
        var replaced = GlossaryArticle();
        replaced.Record(replaced.Plan!.Units[0].Key, new(["Kerbi said the meeting is today."], OneCall, replaced.Payer(Id), StartedAt: DateTimeOffset.UtcNow), Id);
        replaced.Plan.Advance(Settings());
        // The retry misses as much: the first answer is kept, its variant spelling replaced.
        replaced.Record(replaced.Plan.GlossaryRetries[0].Key, new(["The spokesman said the meeting is today."], OneCall, replaced.Payer(Id), StartedAt: DateTimeOffset.UtcNow), Id);
        Assert.Equal(PlanStep.Summarize, replaced.Plan.Advance(Settings()));
        Assert.Equal("Kirby said the meeting is today.", replaced.Plan.ParagraphEnglish()[0]);
        Assert.Contains(replaced.Plan.Warnings(), warning => warning.Contains("replaced 1 variant spelling(s) of 'Kirby'"));

        var missing = GlossaryArticle();
        AnswerAll(missing);
        missing.Plan!.Advance(Settings());
        missing.Record(missing.Plan.GlossaryRetries[0].Key, new(["The spokesman said the meeting is today."], OneCall, missing.Payer(Id), StartedAt: DateTimeOffset.UtcNow), Id);
        Assert.Equal(PlanStep.Summarize, missing.Plan.Advance(Settings()));
        Assert.Contains("paragraph 0: 'كيربي' is not rendered as the glossary's 'Kirby'", missing.Plan.Warnings());
    }

    [Fact]
    public void ANewRoundForgetsTheGlossaryPassSoItRunsAgainOverTheNewAnswers()
    {
        var article = GlossaryArticle();
        AnswerAll(article);
        article.Plan!.Advance(Settings());
        AnswerAll(article);
        Assert.Equal(PlanStep.Summarize, article.Plan.Advance(Settings()));
        (article.Status, article.FinishedAt) = (ArticleStatus.Completed, DateTimeOffset.UtcNow);

        article.StartNewRound();

        Assert.False(article.Plan.GlossaryChecked);
        Assert.Empty(article.Plan.GlossaryRetries);
        Assert.Equal(PlanStep.Dispatch, article.Plan.Advance(Settings()));
    }

    [Fact]
    public void ARepeatedUnitInOneArticleIsAnsweredByOneAnswer()
    {
        var paragraph = "وأكد المتحدث أن الاجتماع سيبحث التعاون الأمني.";
        var translation = new Grid.Grains.Translation.TranslationOptions { ContextInCacheKey = false };
        var article = Ready(Article($"{paragraph}\n\n{paragraph}", chunkTokens: 20, translation), translation: translation);
        var units = article.Plan!.Units;
        Assert.Equal(units[0].Key, units[1].Key);

        Assert.True(article.Record(units[0].Key, Answer(units[0], article.Payer(Id)), Id));

        Assert.Empty(article.Plan.PendingWork());
        Assert.Equal<string?>([English(paragraph), English(paragraph)], article.Plan.ParagraphEnglish());
    }

    /// <summary>One paragraph naming Kirby, with the caller's glossary saying how.</summary>
    private static ArticleState GlossaryArticle()
    {
        var submission = new ArticleSubmission("أعلن كيربي أن الاجتماع سيعقد اليوم.", Glossary: Entries(("كيربي", "Kirby")));
        var article = Ready(ArticleDraft.Create(submission, Options(600), Model).State!, chunkTokens: 600);
        Assert.Equal("Kirby", Assert.Single(article.Plan!.Units[0].Work.Entries).English);
        return article;
    }
}
