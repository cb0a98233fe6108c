using System.Collections.Immutable;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Address ranges that name no host on the internet: every entry of the IANA IPv4 and IPv6 special-purpose address
/// registries (globally reachable anycast services included: they are infrastructure, never an indicator), the
/// multicast blocks, and, for IPv6, everything outside global unicast 2000::/3, which IANA has not assigned at all.
/// Sending one to a public service reveals internal network layout and can only ever return noise, so none is ever
/// looked up. Checked in this order, so a narrow entry gives its reason before a wider one.
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
        ("192.31.196.0/24", "AS112 anycast address"),
        ("192.52.193.0/24", "AMT relay anycast address"),
        ("192.88.99.0/24", "6to4 relay anycast address (deprecated)"),
        ("192.168.0.0/16", "private address"),
        ("192.175.48.0/24", "AS112 anycast address (direct delegation)"),
        ("198.18.0.0/15", "benchmarking address"),
        ("198.51.100.0/24", "documentation address"),
        ("203.0.113.0/24", "documentation address"),
        ("224.0.0.0/4", "multicast address"),
        ("240.0.0.0/4", "reserved address"),
        ("::/128", "unspecified address"),
        ("::1/128", "loopback address"),
        ("::ffff:0:0/96", "IPv4-mapped address"),
        ("::/96", "IPv4-compatible address (deprecated)"),
        ("64:ff9b::/96", "NAT64 translation address"),
        ("64:ff9b:1::/48", "local-use NAT64 translation address"),
        ("100::/64", "discard-only address"),
        ("100:0:0:1::/64", "dummy address"),
        ("2001:db8::/32", "documentation address"),
        ("2001::/23", "IETF protocol assignment (includes Teredo)"),
        ("2620:4f:8000::/48", "AS112 anycast address (direct delegation)"),
        ("3fff::/20", "documentation address"),
        ("5f00::/16", "segment routing (SRv6) address"),
        ("fc00::/7", "private address (unique local)"),
        ("fe80::/10", "link-local address"),
        ("fec0::/10", "site-local address (deprecated)"),
        ("ff00::/8", "multicast address"),
        ("::/3", "unassigned address (outside global unicast 2000::/3)"),
        ("4000::/2", "unassigned address (outside global unicast 2000::/3)"),
        ("8000::/1", "unassigned address (outside global unicast 2000::/3)"),
    ];
}
