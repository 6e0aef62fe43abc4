using System.Net;
using System.Net.Sockets;

namespace Grid.Grains.Outbound;

/// <summary>Which addresses a request made on a caller's behalf may not reach, and why.</summary>
public static class OutboundAddressRules
{
    /// <summary>What the address is when it is refused (a phrase for a person), or null when it is a public address.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return Refusal(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => RefusalV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => RefusalV6(address),
            _ => "not an IP address",
        };
    }

    private static string? RefusalV4(byte[] b) => b switch
    {
        [0, ..] => "unspecified (0.0.0.0/8)",
        [10, ..] => "a private network (10.0.0.0/8)",
        [100, >= 64 and <= 127, ..] => "carrier-grade NAT (100.64.0.0/10)",
        [127, ..] => "loopback (127.0.0.0/8)",
        [169, 254, ..] => "link-local (169.254.0.0/16, where cloud metadata such as 169.254.169.254 lives)",
        [172, >= 16 and <= 31, ..] => "a private network (172.16.0.0/12)",
        [192, 168, ..] => "a private network (192.168.0.0/16)",
        [192, 0, 0, _] => "reserved for protocols (192.0.0.0/24)",
        [198, 18 or 19, ..] => "reserved for benchmarking (198.18.0.0/15)",
        [>= 224 and <= 239, ..] => "multicast (224.0.0.0/4)",
        [>= 240, ..] => "reserved or broadcast (240.0.0.0/4)",
        _ => null,
    };

    private static string? RefusalV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
            return "unspecified (::)";
        if (address.Equals(IPAddress.IPv6Loopback))
            return "loopback (::1)";
        var b = address.GetAddressBytes();
        return b switch
        {
            [>= 0xfc and <= 0xfd, ..] => "an IPv6 unique local address (fc00::/7)",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "IPv6 link-local (fe80::/10)",
            [0xfe, >= 0xc0, ..] => "IPv6 site-local (fec0::/10)",
            [0xff, ..] => "IPv6 multicast (ff00::/8)",
            // IPv4 hidden in IPv6: NAT64 and 6to4 reach the IPv4 address they carry, so that address decides.
            [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] => Embedded(b[12..16]),
            [0x20, 0x02, ..] => Embedded(b[2..6]),
            // The deprecated IPv4-compatible form (::a.b.c.d).
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ..] => Embedded(b[12..16]) ?? "a deprecated IPv4-compatible IPv6 address (::/96)",
            _ => null,
        };
    }

    private static string? Embedded(byte[] v4) => RefusalV4(v4) is { } refusal ? $"an IPv6 address carrying {new IPAddress(v4)}, {refusal}" : null;
}
