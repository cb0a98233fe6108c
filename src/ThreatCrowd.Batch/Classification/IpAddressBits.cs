using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ThreatCrowd.Batch.Classification;

/// <summary>An IP address as a number, so ranges can be compared without parsing or allocating per check.</summary>
internal readonly record struct IpAddressBits(bool IsIpv6, UInt128 Value)
{
    /// <summary>
    /// Parses a strict dotted-quad IPv4 or an IPv6 address, as written: an IPv4-mapped IPv6 address stays IPv6, so
    /// ranges such as ::ffff:0:0/96 keep their meaning. Returns a reason when it is neither.
    /// </summary>
    public static string? TryParse(ReadOnlySpan<char> text, out IpAddressBits address)
    {
        address = default;
        if (!text.Contains(':'))
        {
            var reason = Ipv4Address.TryParse(text, out var v4);
            address = new IpAddressBits(false, v4);
            return reason;
        }

        if (text.Contains('%'))
        {
            return "an IPv6 zone id only means something on one machine";
        }

        if (!IPAddress.TryParse(text, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not a valid IPv6 address";
        }

        address = new IpAddressBits(true, BinaryPrimitives.ReadUInt128BigEndian(parsed.GetAddressBytes()));
        return null;
    }

    public int Width => IsIpv6 ? 128 : 32;
}
