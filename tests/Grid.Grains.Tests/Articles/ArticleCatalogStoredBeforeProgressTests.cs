using Grid.Abstractions.Articles;
using Grid.Grains.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Grains.Tests.Articles;

/// <summary>
/// The catalog's state stored while its lines carried ChunksDone and ChunksTotal of their own
/// (Stored/article-catalog-state-before-progress.json, written by that code through Orleans' storage serializer:
/// one article translating at 3 of 5 chunks, one feed article completed at 4 of 4 with a paragraph missing) reads
/// with each line's counts in its <see cref="ArticleListItem.Progress"/>, and what is written now reads back the same.
/// </summary>
public sealed class ArticleCatalogStoredBeforeProgressTests
{
    private static readonly IGrainStorageSerializer Storage = StorageSerializer();

    [Fact]
    public void EachStoredLineReadsWithItsCountsAsItsProgress()
    {
        var entries = Stored().Entries;

        Assert.Equal(new ChunkProgress(3, 5), entries["kx3f9a"].Progress);
        Assert.Equal((ArticleStatus.Translating, "البنتاغون يرد على العراق", "كتابات"), (entries["kx3f9a"].Status, entries["kx3f9a"].Title!.Ar, entries["kx3f9a"].Source));
        Assert.Equal(new ChunkProgress(4, 4), entries["feed-item-7"].Progress);
        Assert.Equal((ArticleStatus.Completed, 1, "f3k9"), (entries["feed-item-7"].Status, entries["feed-item-7"].MissingParagraphs, entries["feed-item-7"].Feed));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 2, 0, TimeSpan.Zero), entries["feed-item-7"].FinishedAt);
    }

    [Fact]
    public void TheStateWrittenAgainReadsBackLineForLine()
    {
        var stored = Stored();

        var again = Storage.Deserialize<ArticleCatalogState>(Storage.Serialize(stored))!;

        Assert.Equal(stored.Entries.OrderBy(entry => entry.Key), again.Entries.OrderBy(entry => entry.Key));
    }

    private static ArticleCatalogState Stored() =>
        Storage.Deserialize<ArticleCatalogState>(new BinaryData(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Articles", "Stored", "article-catalog-state-before-progress.json"))))!;

    private static IGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection().AddSerializer();
        services.AddSingleton<OrleansJsonSerializer>();
        services.AddSingleton<IGrainStorageSerializer, JsonGrainStorageSerializer>();
        return services.BuildServiceProvider().GetRequiredService<IGrainStorageSerializer>();
    }
}
