namespace Grid.Abstractions.Feeds;

/// <summary>The answer to a subscription: the feed (new or already followed), or why it cannot be followed.</summary>
[GenerateSerializer, Immutable, Alias("grid.feed-receipt")]
public sealed record FeedReceipt(
    [property: Id(0)] FeedView? Feed,
    [property: Id(1)] bool Created,
    [property: Id(2)] string? Problem = null);
