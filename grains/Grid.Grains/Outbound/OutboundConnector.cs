using System.Net;
using System.Net.Sockets;

namespace Grid.Grains.Outbound;

/// <summary>
/// The handler of every request made on a caller's behalf. The address check sits in the connect
/// step: the address checked is the one connected to (no window for DNS to answer differently in
/// between), and every redirect opens its connection through it too.
/// </summary>
public static class OutboundConnector
{
    /// <summary>The handler <c>Grid:Outbound</c> describes: its address rules, connect timeout and redirect limit.</summary>
    public static SocketsHttpHandler CreateHandler(OutboundOptions options) => CreateHandler(RefusalFor(options), options);

    /// <param name="refusal">What an address is when it may not be reached, or null when it may; <see cref="OutboundAddressRules.Refusal"/> unless private networks are allowed.</param>
    /// <param name="options">The connect timeout and the redirect limit; the defaults when null.</param>
    public static SocketsHttpHandler CreateHandler(Func<IPAddress, string?> refusal, OutboundOptions? options = null)
    {
        options ??= new();
        return new()
        {
            // A proxy would be the address connected to, and the target's address would go unchecked.
            UseProxy = false,
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = options.MaxRedirects,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, refusal, cancellationToken),
        };
    }

    public static Func<IPAddress, string?> RefusalFor(OutboundOptions options) =>
        options.AllowPrivateNetworks ? _ => null : OutboundAddressRules.Refusal;

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint target, Func<IPAddress, string?> refusal, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, cancellationToken);
        OutboundRefusedException? refused = null;
        Exception? failed = null;
        foreach (var address in addresses)
        {
            if (refusal(address) is { } reason)
            {
                refused ??= OutboundRefusedException.For(target.Host, address, reason);
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, target.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException error)
            {
                socket.Dispose();
                failed = error;
            }
        }
        throw failed ?? refused ?? (Exception)new SocketException((int)SocketError.HostNotFound);
    }
}
