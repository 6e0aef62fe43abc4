using Grid.Grains.Pages;
using Grid.Grains.Text;

namespace Grid.Grains.Feeds;

/// <summary>A feed's id: a hash of its normalized URL, so the same feed subscribed twice is one feed.</summary>
public static class FeedIds
{
    public static string For(string url) => ContentHash.Key("feed-url", PageUrl.Normalize(url))[..ContentHash.IdLength];

    /// <summary>Shaped like an id <see cref="For"/> gives: checked before a route's id becomes a grain key.</summary>
    public static bool IsWellFormed(string id) => id.Length == ContentHash.IdLength && id.All(char.IsAsciiHexDigitLower);
}
