using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// The keys the plan gives its work and its paragraphs carry every part of their identity: <see cref="ChunkKeyTests"/>
/// and <see cref="ParagraphKeyTests"/> pin the key functions, these pin that the plan hands them the article's
/// model, mode, prompt version, glossary and context (a plan that dropped the model would serve the old model's English).
/// </summary>
public sealed class PlanKeyTests
{
    private const string OtherModel = "llama3.1:8b";

    private static readonly string[] Body =
    [
        "أعلن المتحدث أن الوزارة ستستضيف مسؤولين من عدة دول.",
        "وقال في تصريح إن الاجتماع سيبحث التعاون الأمني بين البلدين.",
        "ونقلت الوكالة عن مصدر أن المباحثات ستستمر يومين.",
    ];

    /// <summary>Occurs in the first paragraph only.</summary>
    private static readonly GlossaryEntry Spokesman = new("المتحدث", "spokesman");

    [Fact]
    public void EveryUnitIsKeyedByItsWholePromptUnderTheCurrentPromptVersion()
    {
        var work = Plan(Body, glossary: [Spokesman]).Work();
        Assert.Contains(work, item => item.Context is not null);
        Assert.Contains(work, item => !item.Entries.IsEmpty);

        Assert.All(work, item => Assert.Equal(ChunkKey.For(item.Request("", TranslationMode.Fast), Model, TranslationPrompt.Version, withContext: true), item.Key));
    }

    [Fact]
    public void EveryUnitIsKeyedByTheArticlesModel() =>
        Assert.Empty(Plan(Body).Work().Select(item => item.Key).Intersect(Plan(Body, model: OtherModel).Work().Select(item => item.Key)));

    [Fact]
    public void EveryParagraphIsKeyedByTheModel() =>
        Assert.Empty(ParagraphKeys(Plan(Body)).Intersect(ParagraphKeys(Plan(Body), model: OtherModel)));

    [Fact]
    public void AParagraphIsKeyedByItsNormalizedTextUnderTheCurrentPromptVersion() =>
        Assert.Equal(ParagraphKey.For(Body[0], null, TranslationMode.Fast, Model, TranslationPrompt.Version, withContext: true), ParagraphKeys(Plan(Body))[0]);

    [Fact]
    public void AParagraphIsKeyedByItsOwnText()
    {
        string[] edited = [Body[0], Body[1], "ونقلت الوكالة عن مصدر أن المباحثات ستستمر ثلاثة أيام."];

        var (before, after) = (ParagraphKeys(Plan(Body)), ParagraphKeys(Plan(edited)));

        Assert.Equal(before[..2], after[..2]);
        Assert.NotEqual(before[2], after[2]);
    }

    [Fact]
    public void AParagraphIsKeyedByTheArticlesMode() =>
        Assert.Empty(ParagraphKeys(Plan(Body)).Intersect(ParagraphKeys(Plan(Body, mode: TranslationMode.Reflect))));

    [Fact]
    public void AParagraphIsKeyedWithoutTheGlossaryAndNeedsTheEntriesThatOccurInItAndNoOthers()
    {
        var (without, with) = (Plan(Body), Plan(Body, glossary: [Spokesman]));

        // Copies whose glossaries differ meet under one key; what the English must render is asked apart.
        Assert.Equal(ParagraphKeys(without), ParagraphKeys(with));
        Assert.Equal([Spokesman.English], with.EntriesNeededBy(0).Select(entry => entry.English));
        Assert.Empty(with.EntriesNeededBy(1));
        Assert.Empty(without.EntriesNeededBy(0));
    }

    [Fact]
    public void AParagraphIsKeyedByTheParagraphBeforeItWhereTheContextIsInTheKey()
    {
        string[] otherStart = ["قالت الوزارة إن الوفد سيصل إلى العاصمة مساء الخميس.", Body[1], Body[2]];
        var withoutContext = new TranslationOptions { ContextInCacheKey = false };

        var (before, after) = (ParagraphKeys(Plan(Body)), ParagraphKeys(Plan(otherStart)));
        Assert.NotEqual(before[1], after[1]);
        Assert.Equal(before[2], after[2]);

        Assert.Equal(ParagraphKeys(Plan(Body), translation: withoutContext)[1], ParagraphKeys(Plan(otherStart), translation: withoutContext)[1]);
    }

    /// <summary>Planned as the grain plans it: one paragraph a unit (20 tokens hold one, not two), so each later unit carries context.</summary>
    private static ArticlePlan Plan(string[] body, string model = Model, GlossaryEntry[]? glossary = null, TranslationMode mode = TranslationMode.Fast) =>
        ArticleDraft.Create(new ArticleSubmission(string.Join("\n\n", body), Glossary: [.. glossary ?? []], Mode: mode), Options(20), model).State!.Plan!;

    private static string[] ParagraphKeys(ArticlePlan plan, string model = Model, TranslationOptions? translation = null) =>
        [.. plan.ParagraphKeys(PlanSettings.From(Options(20), model, translation ?? new TranslationOptions())).Select(paragraph => paragraph.Key)];
}
