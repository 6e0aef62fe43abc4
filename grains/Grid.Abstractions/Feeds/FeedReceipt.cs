namespace Grid.Abstractions.Feeds;

/// <summary>A subscription taken: the feed as it is now followed.</summary>
/// <param name="Feed">The feed, with the subscription's settings.</param>
/// <param name="Created">True when this subscription made the feed; false when it was followed already.</param>
[GenerateSerializer, Immutable, Alias("grid.feed-receipt")]
public sealed record FeedReceipt(
    [property: Id(0)] FeedView Feed,
    [property: Id(1)] bool Created) : FeedResult;
