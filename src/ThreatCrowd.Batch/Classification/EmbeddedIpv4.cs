using System.Globalization;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// A 6to4 address (2002::/16, RFC 3056) carries an IPv4 address in its next 32 bits and routes to it: it is sent
/// only when that address may be. (NAT64 and IPv4-compatible addresses are never sent at all, so they need no
/// look inside.)
/// </summary>
internal static class EmbeddedIpv4
{
    private const int SixToFourPrefix = 0x2002;

    public static bool TryExtract(IpAddressBits address, out IpAddressBits ipv4)
    {
        ipv4 = default;
        if (!address.IsIpv6 || (address.Value >> 112) != SixToFourPrefix)
        {
            return false;
        }

        ipv4 = new IpAddressBits(false, (uint)(address.Value >> 80));
        return true;
    }

    /// <summary>Dotted-quad text of an IPv4 address held as bits.</summary>
    public static string Format(IpAddressBits ipv4)
    {
        var value = (uint)ipv4.Value;
        return string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
    }
}
