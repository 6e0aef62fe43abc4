using Grid.Abstractions.Translation;
using Grid.Grains.Translation;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests.Translation;

/// <summary>
/// The paragraph cache's and the sentence memory's stored states, each a line as Orleans' storage serializer wrote it before
/// the two shared one variant store (Stored/paragraph-state-with-variants.json, Stored/sentence-state.json): they read back
/// with every variant, its English, payer and glossary entries, and serve the glossaries they served. And a paragraph state
/// stored before variants (Stored/paragraph-state-before-variants.json) loads with its English as the first variant.
/// </summary>
public sealed class StoredVariantStateTests
{
    private static readonly GlossaryEntry Kirby = new("كيربي", "Kirby", "person", GlossaryOrigin.User);
    private static readonly GlossaryEntry Curtis = new("كيربي", "Curtis", "person");

    [Fact]
    public void AParagraphStateStoredWithVariantsReadsBackWithEachVariantAndItsEntries()
    {
        var state = Read<ParagraphTranslationState>("paragraph-state-with-variants.json");

        Assert.Null(state.Translation);
        Assert.Equal(
            [
                ("Kirby said the Iraqi delegation arrived in Washington on Thursday evening.", "article-a", Kirby),
                ("Curtis said the Iraqi delegation arrived in Washington on Thursday evening.", "article-b", Curtis),
            ],
            state.Variants.Select(variant => (variant.English, variant.ProducedFor, Assert.Single(variant.Entries))));
        Assert.Equal("article-b", state.Serving([Curtis])!.ProducedFor);
        Assert.False(state.TakeOverSingleTranslation());
    }

    [Fact]
    public void ASentenceStateStoredWithVariantsReadsBackWithEachVariantAndItsEntries()
    {
        var state = Read<SentenceTranslationState>("sentence-state.json");

        Assert.Equal(
            [
                ("Kirby said the delegation arrived.", "article-a", Kirby),
                ("Curtis said the delegation arrived.", "article-b@2", Curtis),
            ],
            state.Variants.Select(variant => (variant.English, variant.ProducedFor, Assert.Single(variant.Entries))));
        Assert.Equal("article-b@2", state.Serving([Curtis])!.ProducedFor);
    }

    [Fact]
    public void AParagraphStateStoredBeforeVariantsLoadsWithItsEnglishAsTheFirstVariantAndIsStoredAsVariants()
    {
        var state = Read<ParagraphTranslationState>("paragraph-state-before-variants.json");
        Assert.Empty(state.Variants);

        Assert.True(state.TakeOverSingleTranslation());

        var variant = Assert.Single(state.Variants);
        Assert.Equal(("Kirby said the Iraqi delegation arrived in Washington on Thursday evening.", "old-article"), (variant.English, variant.ProducedFor));
        Assert.Empty(variant.Entries);
        Assert.Same(variant, state.Serving([Kirby]));
        Assert.Null(state.Translation);
        Assert.False(state.TakeOverSingleTranslation());
        var serializer = StorageSerializer();
        var read = serializer.Deserialize<ParagraphTranslationState>(serializer.Serialize(state))!;
        Assert.Equal(variant.English, Assert.Single(read.Variants).English);
        Assert.Empty(read.Variants[0].Entries);
    }

    private static T Read<T>(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Translation", "Stored", file));
        return StorageSerializer().Deserialize<T>(new BinaryData(bytes))!;
    }

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
