namespace Grid.Abstractions.Feeds;

/// <summary>
/// The answer to a subscription: a <see cref="FeedReceipt"/> when the feed is followed (new, or already followed and
/// its settings updated), a <see cref="FeedRejection"/> when it cannot be and nothing was stored. Nothing else derives from it.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.feed-result")]
public abstract record FeedResult;
