using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The variants under one paragraph key: a lookup is served the first whose English renders every entry it needs,
/// none when none does; a variant is added only when no kept one renders its entries, and never past the bound;
/// and a state stored before variants (Stored/paragraph-state-before-variants.json, written by that code through
/// Orleans' storage serializer) loads with its English as the first variant.
/// </summary>
public sealed class ParagraphTranslationStateTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person");
    private static readonly GlossaryEntry Curtis = new("كيربي", "Curtis", "person");
    private static readonly GlossaryEntry Iraqi = new("العراقي", "Iraqi", "term");

    private static readonly ParagraphTranslation MadeWithKirby = new("Kirby said the Iraqi delegation arrived.", "a", [Kirby]);
    private static readonly ParagraphTranslation MadeWithCurtis = new("Curtis said the Iraqi delegation arrived.", "b", [Curtis]);

    [Fact]
    public void ALookupIsServedTheFirstVariantThatRendersEveryEntryItNeedsAndNoneWhenNoneDoes()
    {
        var state = new ParagraphTranslationState { Variants = [MadeWithKirby, MadeWithCurtis] };

        Assert.Same(MadeWithKirby, state.Serving([]));
        Assert.Same(MadeWithKirby, state.Serving([Kirby, Iraqi]));
        Assert.Same(MadeWithCurtis, state.Serving([Curtis]));
        Assert.Null(state.Serving([new GlossaryEntry("كيربي", "Peterson")]));
        Assert.Null(state.Serving([Kirby, new GlossaryEntry("واشنطن", "Washington")]));
    }

    [Fact]
    public void AVariantIsAddedOnlyWhenNoKeptOneRendersTheEntriesItWasMadeUnder()
    {
        var state = new ParagraphTranslationState { Variants = [MadeWithKirby] };

        var (kept, added) = state.Add(new ParagraphTranslation("Kirby said the delegation of Iraq arrived.", "c", [Kirby]), Never);
        Assert.False(added);
        Assert.Same(MadeWithKirby, kept);
        Assert.False(state.Add(MadeWithKirby with { ProducedFor = "d", Entries = [Curtis] }, Never).Added);

        (kept, added) = state.Add(MadeWithCurtis, Never);
        Assert.True(added);
        Assert.Equal(MadeWithCurtis, kept);
        Assert.Equal([MadeWithKirby, MadeWithCurtis], state.Variants);
    }

    [Fact]
    public void AtTheBoundTheVariantServedLeastRecentlyIsDroppedAndTheOldestAmongThoseNeverServed()
    {
        var names = new[] { "Curtis", "Peterson", "Morgan", "Hudson", "Bradley" };
        var variants = names.Select(name => new ParagraphTranslation($"{name} said the Iraqi delegation arrived.", name, [new GlossaryEntry("كيربي", name)])).ToList();
        var state = new ParagraphTranslationState();
        foreach (var variant in variants.Take(ParagraphTranslationState.MostVariants))
            Assert.True(state.Add(variant, Never).Added);
        var served = new Dictionary<string, DateTimeOffset> { [variants[0].English] = DateTimeOffset.UtcNow, [variants[2].English] = DateTimeOffset.UtcNow.AddMinutes(-1) };

        state.Add(variants[4], variant => served.GetValueOrDefault(variant.English, DateTimeOffset.MinValue));

        Assert.Equal(ParagraphTranslationState.MostVariants, state.Variants.Count);
        Assert.Equal([variants[0], variants[2], variants[3], variants[4]], state.Variants);
        state.Add(new ParagraphTranslation("Kirby said it.", "k", [Kirby]), variant => served.GetValueOrDefault(variant.English, DateTimeOffset.MinValue));
        Assert.Equal([variants[0], variants[2], variants[4]], state.Variants.Take(3));
        Assert.Equal(ParagraphTranslationState.MostVariants, state.Variants.Count);
    }

    [Fact]
    public void AfterAConflictingWriteTheStoredVariantsStayAndOursAreAddedWithinTheBound()
    {
        var stored = new ParagraphTranslationState { Variants = [MadeWithKirby] };
        var mine = new ParagraphTranslationState { Variants = [MadeWithCurtis, MadeWithKirby] };

        Assert.Equal([MadeWithKirby, MadeWithCurtis], ParagraphTranslationState.Merge(stored, mine).Variants);
    }

    [Fact]
    public void AStateStoredBeforeVariantsLoadsWithItsEnglishAsTheFirstVariantAndIsStoredAsVariants()
    {
        var serializer = StorageSerializer();
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Translation", "Stored", "paragraph-state-before-variants.json"));
        var state = serializer.Deserialize<ParagraphTranslationState>(new BinaryData(bytes))!;
        Assert.Empty(state.Variants);

        Assert.True(state.TakeOverSingleTranslation());

        var variant = Assert.Single(state.Variants);
        Assert.Equal(("Kirby said the Iraqi delegation arrived in Washington on Thursday evening.", "old-article"), (variant.English, variant.ProducedFor));
        Assert.Empty(variant.Entries);
        Assert.Same(variant, state.Serving([Kirby]));
        Assert.Null(state.Translation);
        Assert.False(state.TakeOverSingleTranslation());
        var read = serializer.Deserialize<ParagraphTranslationState>(serializer.Serialize(state))!;
        Assert.Equal(variant.English, Assert.Single(read.Variants).English);
        Assert.Empty(read.Variants[0].Entries);
    }

    private static DateTimeOffset Never(ParagraphTranslation variant) => DateTimeOffset.MinValue;

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
