using System.Text.Json;
using Grid.Abstractions.Articles;
using Grid.Grains.Archive;

namespace Grid.Grains.Tests.Archive;

/// <summary>
/// The article indexes' rows (SQLite and PostgreSQL keep a list line as JSON) written while lines carried ChunksDone and
/// ChunksTotal of their own read with those counts as the line's <see cref="ArticleListItem.Progress"/>, on the page both indexes make.
/// </summary>
public sealed class StoredListLineTests
{
    /// <summary>Two rows as the indexes stored them before the change (written by that code): 3 of 5 chunks, and 4 of 4.</summary>
    private static readonly string[] RowsBeforeProgress =
    [
        """
        {"id":"kx3f9a","status":1,"chunksDone":3,"chunksTotal":5,"title":{"ar":"\u0627\u0644\u0628\u0646\u062A\u0627\u063A\u0648\u0646 \u064A\u0631\u062F \u0639\u0644\u0649 \u0627\u0644\u0639\u0631\u0627\u0642","en":null},"source":"\u0643\u062A\u0627\u0628\u0627\u062A","submittedAt":"2026-12-01T09:30:00+00:00","finishedAt":null,"failure":null,"missingParagraphs":0,"feed":null}
        """,
        """
        {"id":"feed-item-7","status":3,"chunksDone":4,"chunksTotal":4,"title":{"ar":"\u0648\u0632\u064A\u0631 \u0627\u0644\u062E\u0627\u0631\u062C\u064A\u0629 \u064A\u0637\u0644\u0628 \u062C\u062F\u0648\u0644\u0627 \u0632\u0645\u0646\u064A\u0627","en":"The foreign minister asks for a timetable"},"source":null,"submittedAt":"2026-12-01T08:00:00+00:00","finishedAt":"2026-12-01T08:02:00+00:00","failure":null,"missingParagraphs":1,"feed":"f3k9"}
        """,
    ];

    [Fact]
    public void RowsWrittenBeforeProgressReadWithTheirCountsOnAPage()
    {
        var page = IndexPage.From(new ArticleListQuery(), RowsBeforeProgress, offset: 0, horizon: null, total: 2);

        Assert.Equal([new ChunkProgress(3, 5), new ChunkProgress(4, 4)], page.Items.Select(item => item.Progress));
        Assert.Equal(["kx3f9a", "feed-item-7"], page.Items.Select(item => item.Id));
        Assert.Equal((ArticleStatus.Completed, 1, "f3k9", "The foreign minister asks for a timetable"),
            (page.Items[1].Status, page.Items[1].MissingParagraphs, page.Items[1].Feed, page.Items[1].Title!.En));
    }

    [Fact]
    public void ARowWrittenNowNestsItsProgressAndReadsBackTheSame()
    {
        var item = new ArticleListItem("kx3f9a", ArticleStatus.Translating, new ChunkProgress(3, 5), new BilingualText("البنتاغون يرد على العراق", null), "كتابات",
            new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), null, null);
        var row = JsonSerializer.Serialize(item, IndexPage.Json);

        Assert.Contains("\"progress\":{\"chunksDone\":3,\"chunksTotal\":5}", row);
        Assert.Equal(item, Assert.Single(IndexPage.From(new ArticleListQuery(), [row], 0, null, 1).Items));
    }
}
