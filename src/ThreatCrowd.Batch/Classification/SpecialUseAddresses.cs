using System.Collections.Immutable;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Address ranges that name no host on the internet (IANA special-purpose registries). Sending one to a public
/// service reveals internal network layout and can only ever return noise, so none is ever looked up.
/// </summary>
internal static class SpecialUseAddresses
{
    public static ImmutableArray<(string Cidr, string Kind)> Ranges { get; } =
    [
        ("0.0.0.0/8", "\"this network\" address"),
        ("10.0.0.0/8", "private address"),
        ("100.64.0.0/10", "shared address space (carrier-grade NAT)"),
        ("127.0.0.0/8", "loopback address"),
        ("169.254.0.0/16", "link-local address"),
        ("172.16.0.0/12", "private address"),
        ("192.0.0.0/24", "IETF protocol assignment"),
        ("192.0.2.0/24", "documentation address"),
        ("192.88.99.0/24", "6to4 relay anycast address (deprecated)"),
        ("192.168.0.0/16", "private address"),
        ("198.18.0.0/15", "benchmarking address"),
        ("198.51.100.0/24", "documentation address"),
        ("203.0.113.0/24", "documentation address"),
        ("224.0.0.0/4", "multicast address"),
        ("240.0.0.0/4", "reserved address"),
        ("::/128", "unspecified address"),
        ("::1/128", "loopback address"),
        ("::ffff:0:0/96", "IPv4-mapped address"),
        ("64:ff9b::/96", "NAT64 translation address"),
        ("100::/64", "discard-only address"),
        ("2001:db8::/32", "documentation address"),
        ("2001::/23", "IETF protocol assignment (includes Teredo)"),
        ("fc00::/7", "private address (unique local)"),
        ("fe80::/10", "link-local address"),
        ("ff00::/8", "multicast address"),
    ];
}
