using Grid.Grains.Text;

namespace Grid.Grains.Pages;

/// <summary>
/// A page's address as Grid keys it: the same page reached by a differently spelled URL (host case,
/// default port, a fragment, tracking parameters) is the same article.
/// </summary>
public static class PageUrl
{
    /// <summary>Query parameters that only tell a site where a click came from.</summary>
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "mc_cid", "mc_eid"];

    public static string Normalize(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return url.Trim();
        var query = string.Join("&", uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !TrackingPrefixes.Any(prefix => pair.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))));
        var builder = new UriBuilder(uri) { Fragment = "", Query = query, Host = uri.IdnHost.ToLowerInvariant() };
        return builder.Uri.AbsoluteUri;
    }

    /// <summary>The article id of a page: a hash of its normalized URL, shaped like a content id (which callers cannot claim).</summary>
    public static string IdFor(string url) => ContentHash.Key("page-url", Normalize(url))[..ContentHash.IdLength];
}
