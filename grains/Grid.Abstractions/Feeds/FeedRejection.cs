namespace Grid.Abstractions.Feeds;

/// <summary>A subscription refused: a sentence a person can act on (the URL or the interval). Nothing was stored.</summary>
[GenerateSerializer, Immutable, Alias("grid.feed-rejection")]
public sealed record FeedRejection(
    [property: Id(0)] string Detail) : FeedResult;
