using System.Net;

namespace Grid.Grains.Outbound;

/// <summary>
/// The checks a URL given by a caller can have before anything is sent: an absolute http(s) URL, and
/// not a literal address the guard would refuse. Names are checked when they are resolved, at connect time.
/// </summary>
public static class OutboundUrlRules
{
    /// <summary>Why <paramref name="url"/> cannot be used (naming the setting when it is the address), or null.</summary>
    public static string? Problem(string url, bool allowPrivateNetworks)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}' is not an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return $"'{url}' carries a user name or password; put credentials in a query or path the receiver checks instead.";
        if (!allowPrivateNetworks && IPAddress.TryParse(uri.IdnHost, out var address) && OutboundAddressRules.Refusal(address) is { } refusal)
            return $"'{url}' points at {address}, which is {refusal}; Grid does not send requests made for callers there unless Grid:Outbound:AllowPrivateNetworks=true.";
        return null;
    }
}
