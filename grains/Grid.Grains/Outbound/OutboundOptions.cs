namespace Grid.Grains.Outbound;

/// <summary>Requests Grid makes on a caller's behalf (webhooks, and later URL and feed fetches): <c>Grid:Outbound</c>.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Grid:Outbound";

    /// <summary>
    /// Lets those requests reach loopback, private, link-local and metadata addresses. Off by default:
    /// a caller could otherwise make the cluster call its own admin ports or the cloud's metadata service.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
