namespace Grid.Grains.Feeds;

/// <summary>An item of a feed: what identifies it (its guid, else its link) and the page it points to.</summary>
public sealed record FeedItem(string Key, string Link);
