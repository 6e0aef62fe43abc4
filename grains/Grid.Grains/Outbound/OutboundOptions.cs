namespace Grid.Grains.Outbound;

/// <summary>Requests Grid makes on a caller's behalf (webhooks, pages, feeds): <c>Grid:Outbound</c>.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Grid:Outbound";

    /// <summary>
    /// Lets those requests reach loopback, private, link-local and metadata addresses. Off by default:
    /// a caller could otherwise make the cluster call its own admin ports or the cloud's metadata service.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The longest a connection may take to open, per address tried; the whole request has its own timeout (pages, feeds, webhooks).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Redirects followed at most, each through the same address check.</summary>
    public int MaxRedirects { get; set; } = 5;
}
