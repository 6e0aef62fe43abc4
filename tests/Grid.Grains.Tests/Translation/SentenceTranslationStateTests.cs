using Grid.Abstractions.Translation;
using Grid.Grains.Translation;

namespace Grid.Grains.Tests.Translation;

/// <summary>Which variant of a sentence serves which glossary, as the paragraph cache's variants do.</summary>
public sealed class SentenceTranslationStateTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person", GlossaryOrigin.User);
    private static readonly GlossaryEntry Curtis = new("كيربي", "Curtis", "person", GlossaryOrigin.User);

    [Fact]
    public void AVariantServesOnlyAnArticleWhoseEntriesItRenders()
    {
        var state = new SentenceTranslationState();
        Assert.Null(state.Serving([]));

        Assert.True(state.Add(new SentenceTranslation("Kirby said the delegation arrived.", "a@1", [Kirby])));

        Assert.Equal("Kirby said the delegation arrived.", state.Serving([])!.English);
        Assert.Equal("Kirby said the delegation arrived.", state.Serving([Kirby])!.English);
        Assert.Null(state.Serving([Curtis]));
    }

    [Fact]
    public void AVariantIsAddedOnlyWhenNoneKeptRendersItsEntriesAndTheOldestGoesAtTheBound()
    {
        var state = new SentenceTranslationState();
        state.Add(new SentenceTranslation("Kirby said so.", "a@1", [Kirby]));

        Assert.False(state.Add(new SentenceTranslation("Kirby said it.", "b@1", [Kirby])));
        Assert.False(state.Add(new SentenceTranslation("Kirby said so.", "c@1", [])));
        for (var i = 0; i < SentenceTranslationState.MostVariants; i++)
            Assert.True(state.Add(new SentenceTranslation($"Curtis{i} said so.", "d@1", [Curtis with { English = $"Curtis{i}" }])));

        Assert.Equal(SentenceTranslationState.MostVariants, state.Variants.Count);
        Assert.DoesNotContain(state.Variants, variant => variant.English == "Kirby said so.");
    }
}
