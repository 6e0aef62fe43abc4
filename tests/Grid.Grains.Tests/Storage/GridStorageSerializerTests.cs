using System.Text;
using Grid.Grains.Feeds;

namespace Grid.Grains.Tests.Storage;

/// <summary>Grid's storage serializer writes text as Orleans' did: UTF-8, surrogate pairs whole, a lone surrogate as U+FFFD, however long.</summary>
public sealed class GridStorageSerializerTests
{
    [Fact]
    public void TextOfEveryKindIsWrittenAsUtf8AndReadsBackAsOrleansWouldHaveStoredIt()
    {
        // Longer than the first pooled buffer, so it grows mid-write; the emoji straddles writes of Json.NET's own.
        var title = "خبر 😀 \ud800 lone " + string.Concat(Enumerable.Repeat("فقرة عن بغداد 🇮🇶 ", 4000));
        var feed = new FeedState { Title = title, Seen = ["😀", "\udc00"] };

        var line = StoredStateLines.Grid.Serialize(feed);
        var read = StoredStateLines.Grid.Deserialize<FeedState>(line)!;
        var byOrleans = StoredStateLines.Orleans.Deserialize<FeedState>(StoredStateLines.Orleans.Serialize(feed))!;

        Assert.Equal(byOrleans.Title, read.Title);
        Assert.Equal(byOrleans.Seen, read.Seen);
        Assert.Equal(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(title)), read.Title);
        Assert.Equal(line.ToArray(), Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(line.ToArray())));
    }
}
