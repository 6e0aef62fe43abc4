using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// The plan and the claims on paragraphs: a paragraph no one translates is claimed and packed, one another
/// article translates is waited on and never packed, a wait ends with the English, a claim given up or one
/// that runs out (then the paragraph is packed late), and a claim held ends when its paragraph is answered.
/// </summary>
public sealed class ParagraphClaimPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public void AParagraphNoOneTranslatesIsClaimedAndPackedAndOneAnotherArticleTranslatesIsWaitedOnNotPacked()
    {
        var article = Past(Article(paragraphs: 4));
        var plan = article.Plan!;
        var keys = Keys(plan);

        var filled = plan.TakeLookups(
        [
            (0, keys[0], ParagraphLookup.Yours(Id, Deadline)),
            (1, keys[1], ParagraphLookup.Taken("b", Deadline)),
            (2, keys[2], ParagraphLookup.Cached(new ParagraphTranslation("cached two", "c"))),
            (3, keys[3], null),
        ], Settings(20), Now);

        Assert.Equal(1, filled);
        Assert.Equal([[0], [3]], BodyOf(plan));
        Assert.Equal(new Dictionary<int, string> { [0] = keys[0] }, plan.Claims);
        Assert.Equal(new ParagraphWait(keys[1], "b", Now + Deadline), Assert.Single(plan.ClaimWaits).Value);
        Assert.Equal([keys[0]], plan.ClaimsHeld());
        Assert.Equal(Now + Deadline, plan.NextClaimWaitEnd);
    }

    [Fact]
    public void AnArticleWhoseUnitsAreAllAnsweredWaitsForTheParagraphItWaitsOnAndGoesOnWhenItsEnglishComes()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;
        AnswerAll(article);

        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), Now + Deadline / 2));
        Assert.Null(plan.Failure());
        Assert.Null(plan.ParagraphEnglish()[1]);

        Assert.Equal((0, 0), plan.FillAwaited("another key", Variant("nothing"), Now));
        Assert.Equal((1, 0), plan.FillAwaited(keys[1], Variant("english one"), Now));

        Assert.Empty(plan.ClaimWaits);
        Assert.Equal(PlanStep.Summarize, plan.Advance(Settings(20), Now + Deadline / 2));
        Assert.Equal<string?>([English(plan.Paragraphs[0]), "english one", English(plan.Paragraphs[2])], plan.ParagraphEnglish());
        // English for a paragraph no longer waited on changes nothing.
        Assert.Equal((0, 0), plan.FillAwaited(keys[1], Variant("late english"), Now));
        Assert.Equal("english one", plan.ParagraphEnglish()[1]);
    }

    [Fact]
    public void AWaitThatRunsOutAsksTheCacheAgainAndAParagraphNoOneHoldsNowIsPackedLateInARunOfItsOwn()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;
        AnswerAll(article);
        var units = plan.Units;

        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), Now + Deadline - TimeSpan.FromSeconds(1)));
        Assert.Empty(plan.ParagraphsToAsk(Settings(20), Now + Deadline - TimeSpan.FromSeconds(1)));
        Assert.Equal(PlanStep.LookUpParagraphs, plan.Advance(Settings(20), Now + Deadline));
        Assert.Equal([(1, keys[1])], plan.ParagraphsToAsk(Settings(20), Now + Deadline));

        plan.TakeLookups([(1, keys[1], ParagraphLookup.Yours(Id, Deadline))], Settings(20), Now + Deadline);

        Assert.Empty(plan.ClaimWaits);
        Assert.Equal(units.Select(unit => unit.Key), plan.Units.Take(units.Length).Select(unit => unit.Key));
        var late = plan.Units[^1];
        Assert.Equal(units.Length, late.Index);
        Assert.Equal([1], late.Pieces.Select(piece => piece.Paragraph!.Value));
        // Its context is the end of the paragraph before it, as its paragraph key says.
        Assert.Equal(plan.Paragraphs[0], late.Work.Context);
        Assert.Equal(keys[1], plan.Claims[1]);
        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), Now + Deadline));
        Assert.Equal([late.Work], plan.PendingWork());

        AnswerAll(article);
        Assert.Equal(PlanStep.Summarize, plan.Advance(Settings(20), Now + Deadline));
        Assert.Equal(English(plan.Paragraphs[1]), plan.ParagraphEnglish()[1]);
    }

    [Fact]
    public void AClaimStillHeldWhenTheCacheIsAskedAgainIsWaitedOnAgainUntilItsNewDeadline()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;
        var units = plan.Units;
        var later = Now + Deadline;

        plan.TakeLookups([(1, keys[1], ParagraphLookup.Taken("b", Deadline))], Settings(20), later);

        Assert.Equal(units.Select(unit => unit.Key), plan.Units.Select(unit => unit.Key));
        Assert.Equal(new ParagraphWait(keys[1], "b", later + Deadline), plan.ClaimWaits[1]);
        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), later));
    }

    [Fact]
    public void AClaimGivenUpEndsTheWaitAtOnceAndTheCacheIsAskedAgain()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;

        Assert.False(plan.ClaimGivenUp("another key", Now));
        Assert.True(plan.ClaimGivenUp(keys[1], Now));

        Assert.Equal(PlanStep.LookUpParagraphs, plan.Advance(Settings(20), Now));
        Assert.Equal([(1, keys[1])], plan.ParagraphsToAsk(Settings(20), Now));
        plan.TakeLookups([(1, keys[1], ParagraphLookup.Cached(new ParagraphTranslation("english one", "b")))], Settings(20), Now);
        Assert.Equal("english one", plan.FromCache[1]);
        Assert.Empty(plan.ClaimWaits);
    }

    [Fact]
    public void AskingAgainAboutTheWaitsEndsThemNowSoALostCallbackCostsNoMoreThanAWatchdogPeriod()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;
        var tick = Now + TimeSpan.FromSeconds(30);
        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), tick));

        plan.AskAgainAboutWaits(tick);

        Assert.Equal(PlanStep.LookUpParagraphs, plan.Advance(Settings(20), tick));
        Assert.Equal([(1, keys[1])], plan.ParagraphsToAsk(Settings(20), tick));
        Assert.Equal("b", plan.ClaimWaits[1].Claimant);
    }

    [Fact]
    public void AnAcceptedAnswerEndsItsParagraphsClaimsQuietlyAndAFailedOneGivesThemUpForTheWaitingArticles()
    {
        var article = Past(Article(paragraphs: 3));
        var plan = article.Plan!;
        var keys = Keys(plan);
        plan.TakeLookups([.. keys.Select((key, index) => (index, key, (ParagraphLookup?)ParagraphLookup.Yours(Id, Deadline)))], Settings(20), Now);
        Assert.Equal(keys, plan.ClaimsHeld());

        article.Record(plan.Units[0].Key, Answer(plan.Units[0], article.Payer(Id)), Id);
        Assert.Empty(plan.SettleClaims());
        article.Record(plan.Units[1].Key, Failed(LlmFailureKind.InvalidAnswer), Id);
        Assert.Equal([keys[1]], plan.SettleClaims());

        // The unanswered paragraph's claim is still held (and renewed); given up when the article gives up.
        Assert.Equal([keys[2]], plan.ClaimsHeld());
        Assert.Empty(plan.SettleClaims());
        Assert.Equal([keys[2]], plan.GiveUpClaims());
        Assert.Empty(plan.ClaimsHeld());
    }

    [Fact]
    public void AParagraphCutInPiecesKeepsItsClaimUntilItsLastPieceIsAnswered()
    {
        var article = Past(Article("وقال في تصريح إن الاجتماع سيبحث التعاون. وأضاف أن الحوار سيتناول الشق التقني. وأشار إلى أن الملفات أربعة.", chunkTokens: 20));
        var plan = article.Plan!;
        var key = plan.ParagraphKeys(Settings(20))[0].Key;
        plan.TakeLookups([(0, key, ParagraphLookup.Yours(Id, Deadline))], Settings(20), Now);
        Assert.True(plan.Units.Length > 1);

        foreach (var unit in plan.Units.SkipLast(1))
        {
            article.Record(unit.Key, Answer(unit, article.Payer(Id)), Id);
            Assert.Empty(plan.SettleClaims());
            Assert.Equal([key], plan.ClaimsHeld());
        }
        article.Record(plan.Units[^1].Key, Failed(LlmFailureKind.InvalidAnswer), Id);

        Assert.Equal([key], plan.SettleClaims());
        Assert.Empty(plan.ClaimsHeld());
    }

    [Fact]
    public void AWaitOnAClaimKeepsAnArticleWhoseOtherUnitsFailedFromFailingUntilItEnds()
    {
        var (article, keys) = WaitingOnParagraphOne();
        var plan = article.Plan!;
        foreach (var item in plan.PendingWork())
            article.Record(item.Key, Failed(LlmFailureKind.InvalidAnswer), Id);

        Assert.Null(plan.Failure());
        Assert.Equal(PlanStep.Wait, plan.Advance(Settings(20), Now));

        plan.FillAwaited(keys[1], Variant("english one"), Now);
        Assert.Null(plan.Failure());
        Assert.NotEqual(PlanStep.Fail, plan.Advance(Settings(20), Now));
    }

    [Fact]
    public void AWaiterWhoseGlossaryTheClaimantsEnglishMissesAsksAgainAndTranslatesAVariantOfItsOwnLate()
    {
        var article = Past(ArticleDraft.Create(new ArticleSubmission("فقرة أولى عن الاجتماع في بغداد.\n\nوقال كيربي إن الوفد وصل إلى واشنطن.", Glossary: Entries(("كيربي", "Kirby"))), Options(20), Model).State!);
        var plan = article.Plan!;
        var keys = Keys(plan);
        plan.TakeLookups([(0, keys[0], ParagraphLookup.Yours(Id, Deadline)), (1, keys[1], ParagraphLookup.Taken("b", Deadline))], Settings(20), Now);
        var units = plan.Units;

        // The claimant's glossary rendered the name otherwise (not a variant spelling of Kirby): this article's entry is missed.
        Assert.Equal((0, 1), plan.FillAwaited(keys[1], new ParagraphTranslation("Curtis said the delegation arrived.", "b", Entries(("كيربي", "Curtis"))), Now));

        Assert.Null(plan.ParagraphEnglish()[1]);
        Assert.Equal(PlanStep.LookUpParagraphs, plan.Advance(Settings(20), Now));
        Assert.Equal([(1, keys[1])], plan.ParagraphsToAsk(Settings(20), Now));
        plan.TakeLookups([(1, keys[1], ParagraphLookup.Yours(Id, Deadline))], Settings(20), Now);
        Assert.Equal([1], plan.Units[units.Length].Pieces.Select(piece => piece.Paragraph!.Value));
        Assert.Equal(keys[1], plan.Claims[1]);
        // Its claim is renewed with the entries it needs, so no variant that misses them answers the renewal instead.
        Assert.Equal<GlossaryEntry>(Entries(("كيربي", "Kirby")), Assert.Single(plan.ClaimsToRenew(), claim => claim.Key == keys[1]).Needed);
    }

    [Fact]
    public void AWaiterFillsItsParagraphWithTheClaimantsEnglishRepairedWhenItSpellsANameItNeedsAnotherWay()
    {
        var article = Past(ArticleDraft.Create(new ArticleSubmission("فقرة أولى عن الاجتماع في بغداد.\n\nوقال كيربي إن الوفد وصل إلى واشنطن.", Glossary: Entries(("كيربي", "Kirby"))), Options(20), Model).State!);
        var plan = article.Plan!;
        var keys = Keys(plan);
        plan.TakeLookups([(0, keys[0], ParagraphLookup.Yours(Id, Deadline)), (1, keys[1], ParagraphLookup.Taken("b", Deadline))], Settings(20), Now);

        Assert.Equal((1, 0), plan.FillAwaited(keys[1], new ParagraphTranslation("Kerbi said the delegation arrived.", "b", []), Now));

        Assert.Equal("Kirby said the delegation arrived.", plan.ParagraphEnglish()[1]);
        Assert.Empty(plan.ClaimWaits);
    }

    private static ParagraphTranslation Variant(string english) => new(english, "b", []);

    /// <summary>Three paragraphs: the first and last this article's, the middle one another article's ("b").</summary>
    private static (ArticleState Article, IReadOnlyList<string> Keys) WaitingOnParagraphOne()
    {
        var article = Past(Article(paragraphs: 3));
        var keys = Keys(article.Plan!);
        article.Plan!.TakeLookups(
        [
            (0, keys[0], ParagraphLookup.Yours(Id, Deadline)),
            (1, keys[1], ParagraphLookup.Taken("b", Deadline)),
            (2, keys[2], ParagraphLookup.Yours(Id, Deadline)),
        ], Settings(20), Now);
        Assert.Equal([[0], [2]], BodyOf(article.Plan));
        return (article, keys);
    }

    private static IReadOnlyList<string> Keys(ArticlePlan plan) => [.. plan.ParagraphKeys(Settings(20)).Select(paragraph => paragraph.Key)];

    private static List<List<int>> BodyOf(ArticlePlan plan) =>
        [.. plan.Units.Select(unit => unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value).ToList())];

    /// <summary>Past the glossary call, the lookup still to come.</summary>
    private static ArticleState Past(ArticleState article)
    {
        if (article.Plan!.GlossaryPending)
            article.Plan.ApplyGlossary([], Settings(20));
        return article;
    }
}
