using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using static Grid.Grains.Tests.Articles.PlannedArticles;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// A plan packs its units up to three times (created, after the glossary call, after the paragraph cache);
/// a unit whose prompt did not change between them keeps the key it had (the same string, not hashed again),
/// and a unit whose prompt changed is keyed anew, exactly as a plan made from scratch would key it.
/// </summary>
public sealed class UnitKeyReuseTests
{
    private static readonly string[] Body =
    [
        "أعلن المتحدث أن الوزارة ستستضيف مسؤولين من عدة دول.",
        "وقال في تصريح إن الاجتماع سيبحث التعاون الأمني بين البلدين.",
        "ونقلت الوكالة عن مصدر أن المباحثات ستستمر يومين.",
    ];

    /// <summary>Occurs in the first paragraph only.</summary>
    private static readonly GlossaryEntry Spokesman = new("المتحدث", "spokesman");

    private static ArticlePlan NewPlan()
    {
        var plan = Article(string.Join("\n\n", Body), chunkTokens: 20).Plan!;
        Assert.True(plan.GlossaryPending);
        Assert.Equal(Body.Length, plan.Units.Length);
        return plan;
    }

    private static string FreshKey(WorkItem item, string model = Model) =>
        ChunkKey.For(item.Request("", TranslationMode.Fast), model, TranslationPrompt.Version, withContext: true);

    [Fact]
    public void TheGlossaryCallKeysAnewOnlyTheUnitItBroughtAnEntryTo()
    {
        var plan = NewPlan();
        var before = plan.Work();

        plan.ApplyGlossary([Spokesman], Settings(chunkTokens: 20));
        var after = plan.Work();

        Assert.Equal([Spokesman.English], after[0].Entries.Select(entry => entry.English));
        Assert.NotEqual(before[0].Key, after[0].Key);
        Assert.All(after, item => Assert.Equal(FreshKey(item), item.Key));
        Assert.Same(before[1].Key, after[1].Key);
        Assert.Same(before[2].Key, after[2].Key);
    }

    [Fact]
    public void APlanPackedAgainFromEveryParagraphKeepsEveryKey()
    {
        var plan = NewPlan();
        plan.ApplyGlossary([], Settings(chunkTokens: 20));
        var before = plan.Work();

        plan.FillFromCache(new Dictionary<int, string>(), Settings(chunkTokens: 20));

        Assert.Equal(before.Count, plan.Work().Count);
        Assert.All(before.Zip(plan.Work()), pair => Assert.Same(pair.First.Key, pair.Second.Key));
    }

    [Fact]
    public void AnotherModelBetweenThePassesKeysEveryUnitAnew()
    {
        const string otherModel = "llama3.1:8b";
        var plan = NewPlan();

        plan.ApplyGlossary([], PlanSettings.From(Options(20), otherModel, new TranslationOptions()));

        Assert.All(plan.Work(), item => Assert.Equal(FreshKey(item, otherModel), item.Key));
    }
}
