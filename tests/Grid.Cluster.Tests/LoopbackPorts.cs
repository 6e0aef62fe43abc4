using System.Net;
using System.Net.Sockets;

namespace Grid.Cluster.Tests;

internal static class LoopbackPorts
{
    /// <summary>
    /// A loopback port nobody listens on at this moment (the system picks it). Another process may
    /// take it before it is used; whoever binds it retries or fails loudly.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
