using System.Collections.Immutable;

namespace Grid.Grains.Feeds;

/// <summary>One fetch of a feed: its items and the validators for the next conditional GET, "not modified", or why it failed.</summary>
public sealed record FeedFetch(
    bool NotModified, string? Title, ImmutableArray<FeedItem> Items, string? ETag, string? LastModified, string? Failure)
{
    public static readonly FeedFetch Unchanged = new(true, null, [], null, null, null);

    public static FeedFetch Parsed(string? title, ImmutableArray<FeedItem> items, string? etag, string? lastModified) =>
        new(false, title, items, etag, lastModified, null);

    public static FeedFetch Failed(string failure) => new(false, null, [], null, null, failure);
}
