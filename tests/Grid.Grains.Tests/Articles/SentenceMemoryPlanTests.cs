using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Text;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// The plan and the sentence memory: what an accepted answer gives it, and a paragraph the paragraph cache misses served
/// from it, sentence by sentence in order, or else translated whole. The memory is a dictionary of the sentence grains' states.
/// </summary>
public sealed class SentenceMemoryPlanTests
{
    private const string A = "وصل الوفد العراقي إلى واشنطن في زيارة رسمية.";
    private const string B = "وسيبحث الوفد الملفات الأربعة مع وزارة الدفاع.";
    private const string C = "هل يتفق الطرفان على جدول الانسحاب؟";
    private const string D = "وقال المتحدث إن الاجتماع كان مثمرا.";
    private const string E = "وأضاف أن الحوار سيتناول الشق التقني!";
    private const string F = "وأشار إلى أن الاجتماع المقبل سيعقد في بغداد.";
    private const string Unknown = "ولم يصدر أي بيان عن السفارة حتى الآن.";

    private static readonly TranslationOptions NoContext = new() { ContextInCacheKey = false };

    [Fact]
    public void AnArticleRecombiningSentencesAnotherPaidForCostsNoCallAndReadsEachSentencesEnglishInItsPlace()
    {
        var memory = Paid($"{A} {B} {C}\n\n{D} {E} {F}");

        var article = LookedUp($"{C} {A}\n\n{F} {D} {E}\n\n{B}", memory);

        // Only the title is left to translate.
        Assert.Equal(0, article.Plan!.ChunksTotal);
        Assert.All(article.Plan.PendingWork(), item => Assert.False(UnitOf(article, item).HasBody));
        Assert.Equal<string?>([Say(C, A), Say(F, D, E), Say(B)], article.Plan.ParagraphEnglish());
    }

    [Fact]
    public void AParagraphWithOneUnknownSentenceIsTranslatedWholeInOneUnitAndTheOthersAreServed()
    {
        var memory = Paid($"{A} {B} {C}\n\n{D} {E} {F}");

        var article = LookedUp($"{C} {A}\n\n{D} {Unknown} {E}\n\n{F}", memory);

        var plan = article.Plan!;
        Assert.Equal([$"{D} {Unknown} {E}"], Body(plan));
        Assert.Equal(1, plan.ChunksTotal);
        Assert.Equal<string?>([Say(C, A), null, Say(F)], plan.ParagraphEnglish());
    }

    [Fact]
    public void AParagraphWhoseEnglishHasAnotherNumberOfSentencesGivesNoneAndGivesUpItsSentencesClaimsAndTheOthersGiveTheirs()
    {
        var article = Ready(Draft($"{A} {B} {C}\n\n{D} {E}"), chunkTokens: 600, NoContext);
        var unit = article.Plan!.Units.Single(unit => unit.HasBody);
        // The model joined A and B into one sentence: which English goes with which Arabic is not known, so nothing is kept of that paragraph.
        var answer = Answered(article, unit, $"{Said(A).TrimEnd('.')} and {Said(B)} {Said(C)}", Say(D, E));
        article.Record(unit.Key, answer, Id);

        var (kept, givenUp) = article.Plan.SentencesAnsweredBy(unit.Key, answer, Settings(translation: NoContext));

        Assert.Equal([Said(D), Said(E)], kept.Select(sentence => sentence.Translation.English));
        Assert.Equal([Key(D), Key(E)], kept.Select(sentence => sentence.Key));
        Assert.Equal([Key(A), Key(B), Key(C)], givenUp);
    }

    [Fact]
    public void AnAnswerAnotherArticlePaidForGivesItsSentencesTooSoTheClaimsOnThemEnd()
    {
        var article = Ready(Draft($"{A} {B}"), chunkTokens: 600, NoContext);
        var unit = article.Plan!.Units.Single(unit => unit.HasBody);
        var answer = Answered(article, unit, Say(A, B)) with { ProducedFor = "another@1" };
        article.Record(unit.Key, answer, Id);

        var (kept, _) = article.Plan.SentencesAnsweredBy(unit.Key, answer, Settings(translation: NoContext));

        Assert.Equal([(Key(A), Said(A), "another@1"), (Key(B), Said(B), "another@1")], kept.Select(sentence => (sentence.Key, sentence.Translation.English, sentence.Translation.ProducedFor)));
    }

    [Fact]
    public void AFailedAnswerGivesUpTheClaimsOnItsParagraphsSentencesAndSoDoesAnArticleGivingUpItsClaims()
    {
        var article = Past(Draft($"{A} {B}\n\n{C}"));
        var plan = article.Plan!;
        var settings = Settings(translation: NoContext);
        var keys = plan.ParagraphKeys(settings);
        plan.TakeLookups([.. keys.Select(paragraph => (paragraph.Paragraph, paragraph.Key, (ParagraphLookup?)ParagraphLookup.Yours(Id, TimeSpan.FromMinutes(1))))], settings, DateTimeOffset.UtcNow);

        Assert.Equal([Key(A), Key(B), Key(C)], plan.SentencesOfClaims(settings));
        var unit = plan.Units.Single(unit => unit.HasBody);
        var failed = Failed(LlmFailureKind.InvalidAnswer);
        article.Record(unit.Key, failed, Id);
        var (kept, givenUp) = plan.SentencesAnsweredBy(unit.Key, failed, settings);

        Assert.Empty(kept);
        Assert.Equal([Key(A), Key(B), Key(C)], givenUp);
    }

    [Fact]
    public void AParagraphWhoseOtherSentencesAreKeptWaitsForOneAnotherArticleTranslatesAndIsServedOnceItIsKept()
    {
        var article = Past(Draft($"{A} {B}\n\n{C}"));
        var plan = article.Plan!;
        var settings = Settings(translation: NoContext);
        var keys = plan.ParagraphKeys(settings);
        var now = DateTimeOffset.UtcNow;

        var waiting = plan.TakeSentences(0, [SentenceLookup.Kept(Said(A)), SentenceLookup.Taken("other", TimeSpan.FromMinutes(1))], article.Payer(Id), settings);
        plan.TakeLookups([(0, keys[0].Key, waiting), (1, keys[1].Key, ParagraphLookup.Yours(Id, TimeSpan.FromMinutes(1)))], settings, now);

        Assert.Equal([C], Body(plan));
        Assert.Equal(Key(B), plan.SentenceWaits[0]);
        Assert.Equal(PlanStep.Wait, plan.Advance(settings, now));
        Assert.False(plan.SentenceSettled(Key(A), now));
        Assert.True(plan.SentenceSettled(Key(B), now));
        Assert.Equal(PlanStep.LookUpParagraphs, plan.Advance(settings, now));
        Assert.Equal([keys[0]], plan.ParagraphsToAsk(settings, now));

        var served = plan.TakeSentences(0, [SentenceLookup.Kept(Said(A)), SentenceLookup.Kept(Said(B))], article.Payer(Id), settings);
        Assert.Equal(1, plan.TakeLookups([(0, keys[0].Key, served)], settings, now));

        Assert.Empty(plan.SentenceWaits);
        Assert.Empty(plan.ClaimWaits);
        Assert.Equal([C], Body(plan));
        Assert.Equal(Say(A, B), plan.ParagraphEnglish()[0]);
    }

    [Fact]
    public void AParagraphWaitsOnASentenceAnotherTranslatesOnlyWhenNoneOfItsSentencesIsLeftToThisArticle()
    {
        var (article, keys, lowest) = ThreeSentences();
        var settings = Settings(translation: NoContext);
        var minute = TimeSpan.FromMinutes(1);

        // Two sentences another article translates, one kept: the wait is on the lowest key, where the claims stopped.
        SentenceLookup?[] othersAndKept = [.. Enumerable.Range(0, 3).Select(i => i == (lowest + 1) % 3 ? SentenceLookup.Kept("Kept.") : SentenceLookup.Taken("other", minute))];
        var waiting = article.Plan!.TakeSentences(0, [.. othersAndKept], article.Payer(Id), settings);
        Assert.Equal((ParagraphLookupKind.Taken, "other", keys[lowest]), (waiting!.Kind, waiting.ClaimedBy, waiting.WaitOn));

        // A sentence this article holds, or no one's: waiting would spare nothing, the paragraph is translated now.
        Assert.Null(article.Plan.TakeSentences(0, [SentenceLookup.Yours(Id, minute), SentenceLookup.Taken("other", minute), SentenceLookup.Kept("Kept.")], article.Payer(Id), settings));
        Assert.Null(article.Plan.TakeSentences(0, [SentenceLookup.Taken("other", minute), SentenceLookup.Free, SentenceLookup.Kept("Kept.")], article.Payer(Id), settings));
        Assert.Null(article.Plan.TakeSentences(0, [], article.Payer(Id), settings));
    }

    /// <summary>
    /// Two articles whose paragraphs reorder the same sentences, asking together: the other holds the lowest key and claims the
    /// rest one after another, and this article looked between two of its claims. A sentence no one holds yet but the other
    /// claims with the one it holds is the other's all the same: this article waits rather than pay for the paragraph twice.
    /// </summary>
    [Fact]
    public void ASentenceNoOneHoldsYetButAClaimantTranslatesWithTheOneItHoldsIsWaitedOnNotPaidForAgain()
    {
        var (article, keys, lowest) = ThreeSentences();
        // The other's paragraph holds the same sentences in another order, and one more of its own.
        var claimedWith = ImmutableArray.Create(Key(C), Key(Unknown), Key(A), Key(B));
        ParagraphLookup? Take(ImmutableArray<string> claimedWith, SentenceLookup rest) => article.Plan!.TakeSentences(0,
            [.. keys.Select((_, i) => i == lowest ? SentenceLookup.Taken("other", TimeSpan.FromMinutes(1), claimedWith) : rest)], article.Payer(Id), Settings(translation: NoContext));

        var waiting = Take(claimedWith, SentenceLookup.Free);

        Assert.Equal((ParagraphLookupKind.Taken, "other", keys[lowest]), (waiting!.Kind, waiting.ClaimedBy, waiting.WaitOn));
        // A free sentence the claimant does not translate, or one this article holds, still has the paragraph translated now.
        Assert.Null(Take([Key(Unknown), keys[lowest]], SentenceLookup.Free));
        Assert.Null(Take(claimedWith, SentenceLookup.Yours(Id, TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void TheSentencesOfEveryParagraphThisArticleHoldsAClaimOnAreClaimedAgainWhenItsClaimsAreRenewedAndNoneOnceSettled()
    {
        var article = Past(Draft($"{A} {B}\n\n{C}\n\n{D} {E}"));
        var plan = article.Plan!;
        var settings = Settings(translation: NoContext);
        var keys = plan.ParagraphKeys(settings);
        var minute = TimeSpan.FromMinutes(1);
        plan.TakeLookups([(0, keys[0].Key, ParagraphLookup.Yours(Id, minute)), (1, keys[1].Key, ParagraphLookup.Taken("other", minute)), (2, keys[2].Key, ParagraphLookup.Yours(Id, minute))], settings, DateTimeOffset.UtcNow);

        Assert.Equal([[Key(A), Key(B)], [Key(D), Key(E)]], plan.SentenceClaimsToRenew(settings).Select(sentences => sentences.Select(sentence => sentence.Key)));
        Assert.Empty(plan.SentenceClaimsToRenew(Settings(translation: new TranslationOptions { ContextInCacheKey = true })));
        plan.GiveUpClaims();
        Assert.Empty(plan.SentenceClaimsToRenew(settings));
    }

    [Fact]
    public void SentencesWhoseEnglishMissesAGlossaryEntryTheArticleNeedsAreNotServedAndTheParagraphIsTranslated()
    {
        const string kirby = "وقال كيربي إن الوفد سيصل غدا.";
        var memory = Paid($"{kirby} {A}");
        var english = memory[Key(kirby)].Variants.Single().English;

        var article = LookedUp($"{A} {kirby}", memory, Entries(("كيربي", "Kirby")));

        var plan = article.Plan!;
        Assert.Equal([$"{A} {kirby}"], Body(plan));
        Assert.Null(plan.ParagraphEnglish()[0]);
        // The plan's own check, whatever a sentence grain answered: the joined English must render the paragraph's entries.
        Assert.Null(plan.ServedBySentences(0, [Said(A), english], "payer"));
        Assert.NotNull(plan.ServedBySentences(0, [Said(A), "Kirby said the delegation arrives tomorrow."], "payer"));
    }

    [Fact]
    public void TheWrongNumberOfSentencesNeverServesAParagraph()
    {
        var article = Past(Draft($"{A} {B}"));

        Assert.Null(article.Plan!.ServedBySentences(0, [Said(A)], "payer"));
        Assert.Null(article.Plan.ServedBySentences(0, [Said(A), Said(B), Said(C)], "payer"));
        Assert.Null(article.Plan.ServedBySentences(0, [], "payer"));
        Assert.Equal(Say(A, B), article.Plan.ServedBySentences(0, [Said(A), Said(B)], "payer")!.Translation!.English);
    }

    [Fact]
    public void OnlyParagraphsTheParagraphCacheLeftToThisArticleAreAskedOfTheMemory()
    {
        var article = Past(Draft($"{A}\n\n{B}\n\n{C} {D}\n\n{E}"));

        var asked = article.Plan!.SentencesToAsk(
        [
            (0, ParagraphLookup.Cached(new ParagraphTranslation(Say(A), "other", []))),
            (1, ParagraphLookup.Taken("other", TimeSpan.FromMinutes(1))),
            (2, ParagraphLookup.Yours(Id, TimeSpan.FromMinutes(1))),
            (3, null),
        ], Settings(translation: NoContext));

        Assert.Equal([2, 3], asked.Select(paragraph => paragraph.Paragraph));
        Assert.Equal([Key(C), Key(D)], asked[0].Sentences.Select(sentence => sentence.Key));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void WithTheContextInTheCacheKeyOrTheMemoryTurnedOffItIsNeitherAskedNorGiven(bool contextInKey, bool sentenceMemory)
    {
        var translation = new TranslationOptions { ContextInCacheKey = contextInKey, SentenceMemory = sentenceMemory };
        var article = Ready(Draft($"{A} {B}", translation), chunkTokens: 600, translation);
        var unit = article.Plan!.Units.Single(unit => unit.HasBody);
        var answer = Answered(article, unit, Say(A, B));
        article.Record(unit.Key, answer, Id);

        var (kept, givenUp) = article.Plan.SentencesAnsweredBy(unit.Key, answer, Settings(translation: translation));
        Assert.Empty(kept);
        Assert.Empty(givenUp);
        Assert.Empty(article.Plan.SentencesToAsk([(0, ParagraphLookup.Yours(Id, TimeSpan.FromMinutes(1)))], Settings(translation: translation)));
        Assert.True(new TranslationOptions { ContextInCacheKey = false }.UsesSentenceMemory);
    }

    /// <summary>An article of one paragraph of three sentences, their keys, and which of them has the lowest key: where claims start.</summary>
    private static (ArticleState Article, string[] Keys, int Lowest) ThreeSentences()
    {
        string[] keys = [Key(A), Key(B), Key(C)];
        return (Past(Draft($"{A} {B} {C}")), keys, Array.IndexOf(keys, keys.Min(StringComparer.Ordinal)));
    }

    /// <summary>The Arabic of the body pieces the plan's units carry.</summary>
    private static IReadOnlyList<string> Body(ArticlePlan plan) => [.. plan.Units.SelectMany(unit => unit.Pieces).Where(piece => !piece.IsTitle).Select(piece => piece.Arabic)];

    /// <summary>An answer made for this article: the title piece's English as the emulator-like helper gives it, then <paramref name="body"/> for the body pieces.</summary>
    private static ChunkTranslationResult Answered(ArticleState article, PlanUnit unit, params string[] body)
    {
        var next = 0;
        return new ChunkTranslationResult([.. unit.Pieces.Select(piece => piece.IsTitle ? English(piece.Arabic) : body[next++])], OneCall, article.Payer(Id));
    }

    /// <summary>Each sentence's English names its Arabic (a hash of it), so a sentence in the wrong place shows.</summary>
    private static string Said(string arabic) => $"Sentence {ContentHash.Of(arabic)} in English.";

    private static string Say(params string[] sentences) => string.Join(' ', sentences.Select(Said));

    private static string Key(string sentence) => SentenceKey.For(sentence, TranslationMode.Fast, Model, TranslationPrompt.Version);

    /// <summary>The sentence memory after an article of <paramref name="text"/> paid for its paragraphs, answered sentence by sentence.</summary>
    private static Dictionary<string, SentenceTranslationState> Paid(string text)
    {
        var article = Ready(Draft(text), chunkTokens: 600, NoContext);
        var memory = new Dictionary<string, SentenceTranslationState>();
        foreach (var unit in article.Plan!.Units)
        {
            var answer = Answered(article, unit, [.. unit.Pieces.Where(piece => !piece.IsTitle).Select(piece => Say([.. SentenceSplitter.Split(piece.Arabic)]))]);
            article.Record(unit.Key, answer, Id);
            foreach (var sentence in article.Plan.SentencesAnsweredBy(unit.Key, answer, Settings(translation: NoContext)).Kept)
            {
                if (!memory.TryGetValue(sentence.Key, out var state))
                    memory[sentence.Key] = state = new SentenceTranslationState();
                state.Add(sentence.Translation);
            }
        }
        return memory;
    }

    /// <summary>An article of <paramref name="text"/> looked up as the grain does: the paragraph cache grants every claim, the memory answers what it keeps and grants a claim on the rest.</summary>
    private static ArticleState LookedUp(string text, Dictionary<string, SentenceTranslationState> memory, ImmutableArray<GlossaryEntry> glossary = default)
    {
        var article = Past(Draft(text, NoContext, glossary));
        var plan = article.Plan!;
        var settings = Settings(translation: NoContext);
        var answers = plan.ParagraphKeys(settings).Select(paragraph => (paragraph.Paragraph, paragraph.Key, Answer: (ParagraphLookup?)ParagraphLookup.Yours(Id, TimeSpan.FromMinutes(1)))).ToList();
        foreach (var (paragraph, sentences) in plan.SentencesToAsk(answers.Select(answer => (answer.Paragraph, answer.Answer)), settings))
        {
            var found = sentences.Select(sentence => memory.GetValueOrDefault(sentence.Key)?.Serving(sentence.Needed) is { } kept
                ? SentenceLookup.Kept(kept.English) : SentenceLookup.Yours(Id, TimeSpan.FromMinutes(1)));
            if (plan.TakeSentences(paragraph, [.. found], article.Payer(Id), settings) is { } served)
                answers[paragraph] = answers[paragraph] with { Answer = served };
        }
        plan.TakeLookups(answers, settings, DateTimeOffset.UtcNow);
        return article;
    }

    /// <summary>An article of <paramref name="text"/>'s paragraphs under a title of its own (a first paragraph is never taken for one), planned with 600-token chunks.</summary>
    private static ArticleState Draft(string text, TranslationOptions? translation = null, ImmutableArray<GlossaryEntry> glossary = default) =>
        ArticleDraft.Create(new ArticleSubmission(text, Title: "زيارة الوفد العراقي إلى واشنطن", Glossary: glossary), Options(600), Model, translation ?? NoContext).State!;

    /// <summary>Past the glossary call, the lookup still to come.</summary>
    private static ArticleState Past(ArticleState article)
    {
        if (article.Plan!.GlossaryPending)
            article.Plan.ApplyGlossary([], Settings(translation: NoContext));
        return article;
    }
}
