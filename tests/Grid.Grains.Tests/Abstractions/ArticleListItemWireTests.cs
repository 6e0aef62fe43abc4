using Grid.Abstractions.Articles;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Abstractions;

/// <summary>
/// A list line crosses grain calls with its progress as the two counts (field ids 2 and 3) it had before it carried a
/// <see cref="ChunkProgress"/>: a line a silo or client of the older code sent reads here, counts included.
/// </summary>
public sealed class ArticleListItemWireTests
{
    /// <summary>
    /// A completed feed article's line (4 of 4 chunks, one paragraph missing, feed f3k9) as Orleans serialized it when
    /// the line still had ChunksDone and ChunksTotal of its own (written by that code, before the change).
    /// </summary>
    private const string WrittenBeforeProgress = "IOhAF2ZlZWQtaXRlbS03AQ0BEQERIehAcdmI2LLZitixINin2YTYrtin2LHYrNmK2Kkg2YrYt9mE2Kgg2KzYr9mI2YTYpyDYstmF2YbZitinQVNUaGUgZm9yZWlnbiBtaW5pc3RlciBhc2tzIGZvciBhIHRpbWV0YWJsZeDBASGAAMATGYFP3wiBAAAAAAAAAADgIYAATJpggU/fCIEAAAAAAAAAAODBAQEFQQlmM2s54A==";

    private static readonly Serializer<ArticleListItem> Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<ArticleListItem>>();

    private static readonly ArticleListItem Completed = new(
        "feed-item-7", ArticleStatus.Completed, new ChunkProgress(4, 4), new BilingualText("وزير الخارجية يطلب جدولا زمنيا", "The foreign minister asks for a timetable"), null,
        new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 8, 2, 0, TimeSpan.Zero), null, 1, "f3k9");

    [Fact]
    public void ALineTheOlderCodeSentReadsWithItsProgressAndEveryField()
    {
        var received = Wire.Deserialize(Convert.FromBase64String(WrittenBeforeProgress));

        Assert.Equal(Completed, received);
    }

    [Fact]
    public void ALineSentNowCrossesWithItsProgress()
    {
        var received = Wire.Deserialize(Wire.SerializeToArray(Completed));

        Assert.Equal(Completed, received);
        Assert.Equal(new ChunkProgress(4, 4), received!.Progress);
    }
}
