using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>The plan and the paragraph cache: filled paragraphs are never packed, accepted answers give their whole paragraphs back.</summary>
public sealed class ParagraphCachePlanTests
{
    private const string Title = "الرئيس يصل إلى بغداد في زيارة رسمية";

    [Fact]
    public void ParagraphsTheCacheAnswersAreFilledAndOnlyTheRestArePackedEachRunApart()
    {
        var article = Past(Article(paragraphs: 6, title: Title));

        var filled = article.Plan!.FillFromCache(new Dictionary<int, string> { [1] = "cached one", [2] = "cached two", [4] = "cached four" }, Settings(20));

        var plan = article.Plan;
        Assert.Equal(3, filled);
        Assert.Equal([[], [0], [3], [5]], plan.Units.Select(unit => unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => piece.Paragraph!.Value).ToList()));
        Assert.True(plan.Units[0].Pieces[0].IsTitle);
        Assert.Equal([0, 1, 2, 3], plan.Units.Select(unit => unit.Index));
        // The unit after cached paragraphs carries the end of the paragraph just before it, as a paragraph key says.
        Assert.Equal(plan.Paragraphs[2], plan.Units[2].Work.Context);
        AnswerAll(article);
        Assert.Equal<string?>([English(plan.Paragraphs[0]), "cached one", "cached two", English(plan.Paragraphs[3]), "cached four", English(plan.Paragraphs[5])], plan.ParagraphEnglish());
        Assert.Equal(English(Title), plan.TitleEnglish);
    }

    [Fact]
    public void AnArticleTheCacheAnswersWhollyTranslatesOnlyItsTitleAndOneWithoutATitleNothing()
    {
        var titled = Past(Article(paragraphs: 2, title: Title));
        titled.Plan!.FillFromCache(new Dictionary<int, string> { [0] = "zero", [1] = "one" }, Settings(20));
        var unit = Assert.Single(titled.Plan.Units);
        Assert.True(Assert.Single(unit.Pieces).IsTitle);
        Assert.Equal((0, 0), (titled.Plan.ChunksDone, titled.Plan.ChunksTotal));
        Assert.Equal(PlanStep.Wait, titled.Plan.Advance(Settings(20)));
        AnswerAll(titled);
        Assert.Equal(PlanStep.Summarize, titled.Plan.Advance(Settings(20)));

        var untitled = Past(Article(paragraphs: 2));
        untitled.Plan!.FillFromCache(new Dictionary<int, string> { [0] = "zero", [1] = "one" }, Settings(20));
        Assert.Empty(untitled.Plan.Units);
        Assert.Equal(PlanStep.Summarize, untitled.Plan.Advance(Settings(20)));
    }

    [Fact]
    public void TheCacheIsAskedOnceAndASecondLookupChangesNothing()
    {
        var article = Past(Article(paragraphs: 3));
        Assert.Equal(PlanStep.LookUpParagraphs, article.Plan!.Advance(Settings(20)));
        article.Plan.FillFromCache(new Dictionary<int, string> { [0] = "zero" }, Settings(20));
        var units = article.Plan.Units;

        Assert.Equal(0, article.Plan.FillFromCache(new Dictionary<int, string> { [1] = "one" }, Settings(20)));

        Assert.Equal(units, article.Plan.Units);
        Assert.Equal(PlanStep.Wait, article.Plan.Advance(Settings(20)));
    }

    [Fact]
    public void AnAcceptedAnswerGivesTheCacheItsWholeParagraphsUnderTheirKeysAndNeverTheTitle()
    {
        var article = Ready(Article(paragraphs: 3, title: Title));
        var plan = article.Plan!;
        var keys = plan.ParagraphKeys(Settings(20)).ToDictionary(paragraph => paragraph.Paragraph, paragraph => paragraph.Key);

        foreach (var unit in plan.Units.Take(2))
            article.Record(unit.Key, Answer(unit, article.Payer(Id)), Id);
        article.Record(plan.Units[2].Key, Failed(LlmFailureKind.InvalidAnswer), Id);

        Assert.Empty(plan.ParagraphsAnsweredBy(plan.Units[0].Key, Settings(20)));
        var (key, english, entries) = Assert.Single(plan.ParagraphsAnsweredBy(plan.Units[1].Key, Settings(20)));
        Assert.Equal((keys[0], English(plan.Paragraphs[0])), (key, english));
        Assert.Empty(entries);
        Assert.Empty(plan.ParagraphsAnsweredBy(plan.Units[2].Key, Settings(20)));
    }

    [Fact]
    public void AParagraphCutInPiecesIsGivenToTheCacheOnceItsLastPieceIsIn()
    {
        var article = Ready(Article("وقال في تصريح إن الاجتماع سيبحث التعاون. وأضاف أن الحوار سيتناول الشق التقني. وأشار إلى أن الملفات أربعة.", chunkTokens: 20), chunkTokens: 20);
        var units = article.Plan!.Units;
        Assert.True(units.Length > 1);

        foreach (var unit in units.SkipLast(1))
        {
            article.Record(unit.Key, Answer(unit, article.Payer(Id)), Id);
            Assert.Empty(article.Plan.ParagraphsAnsweredBy(unit.Key, Settings(20)));
        }
        article.Record(units[^1].Key, Answer(units[^1], article.Payer(Id)), Id);

        var (key, english, _) = Assert.Single(article.Plan.ParagraphsAnsweredBy(units[^1].Key, Settings(20)));
        Assert.Equal(article.Plan.ParagraphKeys(Settings(20))[0].Key, key);
        Assert.Equal(string.Join(' ', units.Select(unit => English(unit.Pieces[0].Arabic))), english);
    }

    [Fact]
    public void EnglishFromTheCacheFillsAParagraphOnlyWhenItRendersEveryEntryTheParagraphNeedsItsVariantSpellingsReplaced()
    {
        var submission = new ArticleSubmission("أعلن كيربي أن الاجتماع سيعقد اليوم.\n\nوقال كيربي إن الوفد وصل مساء الخميس.\n\nوصل الوفد إلى واشنطن.", Glossary: Entries(("كيربي", "Kirby")));
        var article = ArticleDraft.Create(submission, Options(20), Model).State!;
        article.Plan!.ApplyGlossary([], Settings(20));

        var filled = article.Plan.FillFromCache(new Dictionary<int, string> { [0] = "Kerbi said the meeting is today.", [1] = "The spokesman said the delegation arrived.", [2] = "The delegation reached Washington." }, Settings(20));

        Assert.Equal(2, filled);
        Assert.Equal("Kirby said the meeting is today.", article.Plan.ParagraphEnglish()[0]);
        Assert.Equal("The delegation reached Washington.", article.Plan.ParagraphEnglish()[2]);
        // The English that misses Kirby is never served: the article translates the paragraph itself.
        Assert.Null(article.Plan.ParagraphEnglish()[1]);
        Assert.Equal([1], article.Plan.Units.SelectMany(unit => unit.Pieces).Select(piece => piece.Paragraph!.Value));
        Assert.Equal(PlanStep.Wait, article.Plan.Advance(Settings(20)));
    }

    [Fact]
    public void ARepublishedStoryWithANewFirstAndLastParagraphFindsEveryOtherParagraphsKey()
    {
        string[] story = ["فقرة أولى عن الاجتماع في بغداد.", "فقرة ثانية عن الوفد الأمريكي.", "فقرة ثالثة عن الملفات الأربعة.", "فقرة رابعة عن الانسحاب."];
        string[] republished = ["مقدمة جديدة كتبها موقع آخر.", .. story[1..^1], "خاتمة جديدة من الموقع الآخر."];

        Assert.Equal([2], SharedKeys(story, republished, new TranslationOptions()));
        Assert.Equal([1, 2], SharedKeys(story, republished, new TranslationOptions { ContextInCacheKey = false }));
    }

    [Fact]
    public void AnEnglishMadeUnderOneGlossaryServesAnArticleWhoseGlossaryLacksTheNameOrSpellsItAsAVariantButNotOneThatRendersItOtherwise()
    {
        const string shared = "وقال كيربي إن الوفد العراقي وصل إلى واشنطن.";
        var made = new ParagraphTranslation("Kirby said the Iraqi delegation arrived in Washington.", "first", Entries(("كيربي", "Kirby")));

        Assert.Equal("Kirby said the Iraqi delegation arrived in Washington.", FilledWith(made, SharedParagraphIn(shared)));
        Assert.Equal("Kirby said the Iraqi delegation arrived in Washington.", FilledWith(made, SharedParagraphIn(shared, ("العراقي", "Iraqi"))));
        Assert.Equal("Kirbi said the Iraqi delegation arrived in Washington.", FilledWith(made, SharedParagraphIn(shared, ("كيربي", "Kirbi"))));
        Assert.Null(FilledWith(made, SharedParagraphIn(shared, ("كيربي", "Curtis"))));
        Assert.Null(FilledWith(made, SharedParagraphIn(shared, ("واشنطن", "Vashington DC"))));
    }

    /// <summary>An article whose second paragraph is <paramref name="shared"/>, with a glossary of <paramref name="entries"/>, past its glossary call.</summary>
    private static ArticleState SharedParagraphIn(string shared, params (string Source, string English)[] entries) =>
        Past(ArticleDraft.Create(new ArticleSubmission($"فقرة أولى عن الاجتماع في بغداد.\n\n{shared}", Glossary: Entries(entries)), Options(20), Model).State!);

    /// <summary>What the article's second paragraph reads once the cache answered it with <paramref name="variant"/>: null when refused.</summary>
    private static string? FilledWith(ParagraphTranslation variant, ArticleState article)
    {
        var key = article.Plan!.ParagraphKeys(Settings(20))[1].Key;
        article.Plan.TakeLookups([(1, key, ParagraphLookup.Cached(variant))], Settings(20), DateTimeOffset.UtcNow);
        return article.Plan.ParagraphEnglish()[1];
    }

    [Fact]
    public void AParagraphKeyAskedAgainStaysWithTheGlossaryAndFollowsTheSettingsItIsMadeFrom()
    {
        var article = Article("أعلن كيربي أن الاجتماع سيعقد اليوم.\n\nوقال الوفد إنه وصل مساء الخميس.");
        var plan = article.Plan!;
        var before = Keys(plan, Settings(20));
        Assert.Equal(before, Keys(plan, Settings(20)));

        // The key holds no glossary: entries found later leave it as it was (the variants under it carry them).
        plan.ApplyGlossary(Entries(("كيربي", "Kirby")), Settings(20));
        var translation = new TranslationOptions();
        Assert.Equal([ParagraphKey.For(plan.Paragraphs[0], null, plan.Mode, Model, translation), before[1]], Keys(plan, Settings(20)));

        var withoutContext = new TranslationOptions { ContextInCacheKey = false };
        Assert.Equal(
            ParagraphKey.For(plan.Paragraphs[1], plan.Paragraphs[0], plan.Mode, Model, withoutContext),
            Keys(plan, Settings(20, withoutContext))[1]);
        Assert.NotEqual(before[1], Keys(plan, Settings(20, withoutContext))[1]);
    }

    [Fact]
    public void TheEntriesAParagraphNeedsFollowTheGlossaryAskedAgain()
    {
        var plan = Article("أعلن كيربي أن الاجتماع سيعقد اليوم.\n\nوقال الوفد إنه وصل مساء الخميس.").Plan!;
        Assert.Empty(plan.EntriesNeededBy(0));

        // Asked before the glossary pass and again after it: the entries it found are needed from then on.
        plan.ApplyGlossary(Entries(("كيربي", "Kirby")), Settings(20));
        Assert.Equal(["كيربي"], plan.EntriesNeededBy(0).Select(entry => entry.Source));
        Assert.Empty(plan.EntriesNeededBy(1));
    }

    private static IReadOnlyList<string> Keys(ArticlePlan plan, PlanSettings settings) => [.. plan.ParagraphKeys(settings).Select(paragraph => paragraph.Key)];

    /// <summary>The paragraphs of the second text whose key the first text's paragraphs also have.</summary>
    private static IReadOnlyList<int> SharedKeys(string[] first, string[] second, TranslationOptions translation)
    {
        var known = Article(string.Join("\n\n", first), translation: translation).Plan!.ParagraphKeys(Settings(translation: translation)).Select(paragraph => paragraph.Key).ToHashSet();
        return [.. Article(string.Join("\n\n", second), translation: translation).Plan!.ParagraphKeys(Settings(translation: translation)).Where(paragraph => known.Contains(paragraph.Key)).Select(paragraph => paragraph.Paragraph)];
    }

    /// <summary>Past the glossary call, the lookup still to come.</summary>
    private static ArticleState Past(ArticleState article)
    {
        if (article.Plan!.GlossaryPending)
            article.Plan.ApplyGlossary([], Settings(20));
        return article;
    }
}
