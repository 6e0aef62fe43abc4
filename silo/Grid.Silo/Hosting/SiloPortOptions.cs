using System.Net;
using System.Net.Sockets;

namespace Grid.Silo.Hosting;

/// <summary>Orleans ports and address; each silo process on one machine needs its own pair of ports.</summary>
public sealed class SiloPortOptions
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this one on: an IP, or <c>auto</c> for this host's
    /// own address (containers). The default keeps a single machine's silos on loopback.
    /// </summary>
    public string AdvertisedIP { get; set; } = "127.0.0.1";

    public IPAddress ResolveAdvertisedIP() =>
        string.Equals(AdvertisedIP, "auto", StringComparison.OrdinalIgnoreCase)
            ? Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
              ?? IPAddress.Loopback
            : IPAddress.Parse(AdvertisedIP);
}
