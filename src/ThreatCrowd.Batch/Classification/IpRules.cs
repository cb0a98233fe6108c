using System.Buffers;
using System.Net;
using System.Net.Sockets;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>Classifies IPv4 and IPv6 addresses into the one form the store and the API see.</summary>
internal static class IpRules
{
    private static readonly SearchValues<char> Ipv6Characters = SearchValues.Create("0123456789abcdef:.");

    public static Detection ClassifyIpv4(string value)
    {
        var reason = Ipv4Address.TryParse(value, out _);
        return reason is null ? Detection.Found(IndicatorType.Ip, value) : Detection.Broken(reason, IndicatorType.Ip);
    }

    /// <summary>Classifies a value with a colon: an IPv6 address, or nothing recognizable.</summary>
    public static Detection ClassifyIpv6(string value)
    {
        int zone = value.IndexOf('%', StringComparison.Ordinal);
        var address = zone < 0 ? value.AsSpan() : value.AsSpan(0, zone);
        if (address.ContainsAnyExcept(Ipv6Characters))
        {
            return Detection.Unrecognized;
        }

        if (zone >= 0)
        {
            return Detection.Broken(
                $"IPv6 address has a zone id ({value[zone..]}), which only means something on one machine; remove it",
                IndicatorType.Ip);
        }

        if (!IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return Detection.Broken("not a valid IPv6 address", IndicatorType.Ip);
        }

        // ::ffff:1.2.3.4 is how dual-stack software writes the IPv4 address 1.2.3.4; store it once, as IPv4.
        var canonical = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4().ToString() : parsed.ToString();
        return Detection.Found(IndicatorType.Ip, canonical);
    }
}
