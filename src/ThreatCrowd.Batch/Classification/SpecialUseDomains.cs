using System.Collections.Immutable;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Names that resolve nowhere on the public internet: the IANA special-use domain names registry (RFC 6761 and
/// later: .onion, .alt, .home.arpa…), names private networks use (.internal, .lan), and .arpa as a whole, which
/// holds infrastructure, never an indicator. Each covers itself and all names under it, and the most specific
/// entry gives the reason; looking them up leaks internal names and returns nothing useful.
/// </summary>
internal static class SpecialUseDomains
{
    public static ImmutableArray<(string Name, string Kind)> Names { get; } =
    [
        ("localhost", "loopback name (localhost)"),
        ("local", "multicast DNS name (.local)"),
        ("internal", "private network name (.internal)"),
        ("lan", "private network name (.lan)"),
        ("home.arpa", "home network name (.home.arpa)"),
        ("test", "reserved test name (.test)"),
        ("invalid", "reserved invalid name (.invalid)"),
        ("example", "documentation name (.example)"),
        ("example.com", "documentation name (example.com)"),
        ("example.net", "documentation name (example.net)"),
        ("example.org", "documentation name (example.org)"),
        ("onion", "Tor onion service name (.onion)"),
        ("alt", "non-DNS name (.alt)"),
        ("in-addr.arpa", "reverse-DNS name (.in-addr.arpa)"),
        ("ip6.arpa", "reverse-DNS name (.ip6.arpa)"),
        ("arpa", "infrastructure name (.arpa)"),
    ];
}
