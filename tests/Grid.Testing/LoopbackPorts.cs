using System.Net;
using System.Net.Sockets;

namespace Grid.Testing;

public static class LoopbackPorts
{
    private const int Lowest = 10000;
    private static readonly HashSet<int> Given = [];
    private static readonly int EphemeralStart = ReadEphemeralStart();

    /// <summary>
    /// A loopback port nobody listens on at this moment, never given twice in this process. It is
    /// picked below the system's range of ephemeral ports when there is room: a port from that range,
    /// once let go, can be taken at any moment as the local end of some outgoing connection (the tests
    /// make thousands), and the silo that was meant to listen on it fails to start.
    /// </summary>
    public static int Free()
    {
        while (true)
        {
            var port = EphemeralStart > Lowest + 1000 ? Random.Shared.Next(Lowest, EphemeralStart) : SystemPicked();
            lock (Given)
            {
                if (!Given.Add(port))
                    continue;
            }
            if (CanBind(port))
                return port;
        }
    }

    public static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int SystemPicked()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first ephemeral port (Linux: 32768 by default); elsewhere, no room below is assumed.</summary>
    private static int ReadEphemeralStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var start)
            ? start
            : 0;
    }
}
