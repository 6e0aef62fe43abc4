using Grid.Abstractions.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Abstractions;

/// <summary>
/// A subscription's answer is a receipt (with its feed) or a refusal (with its reason), never a receipt without a feed:
/// each crosses a grain call as what it is, so a caller can tell them apart by type.
/// </summary>
public sealed class FeedResultTests
{
    private static readonly Serializer<FeedResult> Wire = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer<FeedResult>>();

    [Fact]
    public void AReceiptCrossesAGrainCallAsAReceiptWithItsFeed()
    {
        var feed = new FeedView { Id = "f3k9", Url = "https://news.example/rss", Every = TimeSpan.FromMinutes(15) };
        FeedResult sent = new FeedReceipt(feed, Created: true);

        var received = Assert.IsType<FeedReceipt>(Wire.Deserialize(Wire.SerializeToArray(sent)));

        Assert.Equal((feed.Id, feed.Url, feed.Every, true), (received.Feed.Id, received.Feed.Url, received.Feed.Every, received.Created));
    }

    [Fact]
    public void ARefusalCrossesAGrainCallAsARejectionWithItsDetail()
    {
        FeedResult sent = new FeedRejection("'url' cannot be followed: it is not an absolute http or https URL.");

        var received = Wire.Deserialize(Wire.SerializeToArray(sent));

        Assert.Equal(sent, Assert.IsType<FeedRejection>(received));
    }
}
