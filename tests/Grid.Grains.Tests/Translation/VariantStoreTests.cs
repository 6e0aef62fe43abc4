using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The variants under one paragraph key or sentence key (<see cref="VariantStore{TVariant}"/>, under both grains' states): a
/// lookup is served the first whose English renders every entry it needs, none when none does; a variant is added only when
/// no kept one renders its entries, and never past the bound; after a conflicting write what is stored stays.
/// </summary>
public sealed class VariantStoreTests
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
        Assert.Null(new SentenceTranslationState().Serving([]));
    }

    [Fact]
    public void AVariantIsAddedOnlyWhenNoKeptOneRendersTheEntriesItWasMadeUnderOrHasTheSameEnglish()
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
    public void AVariantStoredWithoutEntriesIsKeptWithNone()
    {
        var state = new SentenceTranslationState();

        var (kept, added) = state.Add(new SentenceTranslation("Kirby said so.", "a@1", default));

        Assert.True(added);
        Assert.Empty(kept.Entries);
        Assert.Same(kept, state.Serving([Kirby]));
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
    public void WithoutServedTimesTheOldestVariantGoesAtTheBound()
    {
        var state = new SentenceTranslationState();
        state.Add(new SentenceTranslation("Kirby said so.", "a@1", [Kirby]));
        for (var i = 0; i < SentenceTranslationState.MostVariants; i++)
            Assert.True(state.Add(new SentenceTranslation($"Curtis{i} said so.", "d@1", [Curtis with { English = $"Curtis{i}" }])).Added);

        Assert.Equal(SentenceTranslationState.MostVariants, state.Variants.Count);
        Assert.Equal(["Curtis0 said so.", "Curtis1 said so.", "Curtis2 said so.", "Curtis3 said so."], state.Variants.Select(variant => variant.English));
    }

    [Fact]
    public void AfterAConflictingWriteTheStoredVariantsStayAndOursAreAddedWithinTheBound()
    {
        var stored = new ParagraphTranslationState { Variants = [MadeWithKirby] };
        var mine = new ParagraphTranslationState { Variants = [MadeWithCurtis, MadeWithKirby] };

        Assert.Equal([MadeWithKirby, MadeWithCurtis], ParagraphTranslationState.Merge(stored, mine).Variants);

        var full = new SentenceTranslationState { Variants = [.. Enumerable.Range(0, SentenceTranslationState.MostVariants).Select(i => new SentenceTranslation($"Said {i}.", "a", []))] };
        var more = new SentenceTranslationState { Variants = [new SentenceTranslation("Said again.", "b", [])] };
        Assert.Equal(full.Variants.ToList(), SentenceTranslationState.Merge(full, more).Variants);
    }

    [Fact]
    public void AMergeReadsAStoredStateFromBeforeVariantsAsItsFirstVariant()
    {
        var stored = new ParagraphTranslationState { Translation = MadeWithKirby with { Entries = default } };

        var merged = ParagraphTranslationState.Merge(stored, new ParagraphTranslationState { Variants = [MadeWithCurtis] });

        Assert.Null(merged.Translation);
        Assert.Equal([MadeWithKirby.English, MadeWithCurtis.English], merged.Variants.Select(variant => variant.English));
    }

    private static DateTimeOffset Never(ParagraphTranslation variant) => DateTimeOffset.MinValue;
}
