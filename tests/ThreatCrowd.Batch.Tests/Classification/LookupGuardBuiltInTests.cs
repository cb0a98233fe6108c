using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class LookupGuardBuiltInTests
{
    private readonly LookupGuard _guard = new([]);

    [Theory]
    [InlineData("0.0.0.0", "\"this network\" address (0.0.0.0/8)")]
    [InlineData("0.255.255.255", "\"this network\" address (0.0.0.0/8)")]
    [InlineData("10.0.0.0", "private address (10.0.0.0/8)")]
    [InlineData("10.255.255.255", "private address (10.0.0.0/8)")]
    [InlineData("100.64.0.0", "shared address space (carrier-grade NAT) (100.64.0.0/10)")]
    [InlineData("100.127.255.255", "shared address space (carrier-grade NAT) (100.64.0.0/10)")]
    [InlineData("127.0.0.0", "loopback address (127.0.0.0/8)")]
    [InlineData("127.255.255.255", "loopback address (127.0.0.0/8)")]
    [InlineData("169.254.0.0", "link-local address (169.254.0.0/16)")]
    [InlineData("169.254.255.255", "link-local address (169.254.0.0/16)")]
    [InlineData("172.16.0.0", "private address (172.16.0.0/12)")]
    [InlineData("172.31.255.255", "private address (172.16.0.0/12)")]
    [InlineData("192.0.0.0", "IETF protocol assignment (192.0.0.0/24)")]
    [InlineData("192.0.0.255", "IETF protocol assignment (192.0.0.0/24)")]
    [InlineData("192.0.2.0", "documentation address (192.0.2.0/24)")]
    [InlineData("192.0.2.255", "documentation address (192.0.2.0/24)")]
    [InlineData("192.88.99.0", "6to4 relay anycast address (deprecated) (192.88.99.0/24)")]
    [InlineData("192.88.99.255", "6to4 relay anycast address (deprecated) (192.88.99.0/24)")]
    [InlineData("192.168.0.0", "private address (192.168.0.0/16)")]
    [InlineData("192.168.255.255", "private address (192.168.0.0/16)")]
    [InlineData("198.18.0.0", "benchmarking address (198.18.0.0/15)")]
    [InlineData("198.19.255.255", "benchmarking address (198.18.0.0/15)")]
    [InlineData("198.51.100.0", "documentation address (198.51.100.0/24)")]
    [InlineData("198.51.100.255", "documentation address (198.51.100.0/24)")]
    [InlineData("203.0.113.0", "documentation address (203.0.113.0/24)")]
    [InlineData("203.0.113.255", "documentation address (203.0.113.0/24)")]
    [InlineData("224.0.0.0", "multicast address (224.0.0.0/4)")]
    [InlineData("239.255.255.255", "multicast address (224.0.0.0/4)")]
    [InlineData("240.0.0.0", "reserved address (240.0.0.0/4)")]
    [InlineData("255.255.255.255", "reserved address (240.0.0.0/4)")]
    [InlineData("::", "unspecified address (::/128)")]
    [InlineData("::1", "loopback address (::1/128)")]
    [InlineData("::ffff:0:0", "IPv4-mapped address (::ffff:0:0/96)")]
    [InlineData("::ffff:ffff:ffff", "IPv4-mapped address (::ffff:0:0/96)")]
    [InlineData("64:ff9b::", "NAT64 translation address (64:ff9b::/96)")]
    [InlineData("64:ff9b::ffff:ffff", "NAT64 translation address (64:ff9b::/96)")]
    [InlineData("100::", "discard-only address (100::/64)")]
    [InlineData("100::ffff:ffff:ffff:ffff", "discard-only address (100::/64)")]
    [InlineData("2001:db8::", "documentation address (2001:db8::/32)")]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "documentation address (2001:db8::/32)")]
    [InlineData("2001::", "IETF protocol assignment (includes Teredo) (2001::/23)")]
    [InlineData("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "IETF protocol assignment (includes Teredo) (2001::/23)")]
    [InlineData("fc00::", "private address (unique local) (fc00::/7)")]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private address (unique local) (fc00::/7)")]
    [InlineData("fe80::", "link-local address (fe80::/10)")]
    [InlineData("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local address (fe80::/10)")]
    [InlineData("ff00::", "multicast address (ff00::/8)")]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast address (ff00::/8)")]
    [InlineData("192.31.196.0", "AS112 anycast address (192.31.196.0/24)")]
    [InlineData("192.52.193.255", "AMT relay anycast address (192.52.193.0/24)")]
    [InlineData("192.175.48.1", "AS112 anycast address (direct delegation) (192.175.48.0/24)")]
    [InlineData("::2", "IPv4-compatible address (deprecated) (::/96)")]
    [InlineData("::10.0.0.1", "IPv4-compatible address (deprecated) (::/96)")]
    [InlineData("::ffff:ffff", "IPv4-compatible address (deprecated) (::/96)")]
    [InlineData("64:ff9b:1::", "local-use NAT64 translation address (64:ff9b:1::/48)")]
    [InlineData("64:ff9b:1::a00:1", "local-use NAT64 translation address (64:ff9b:1::/48)")]
    [InlineData("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "local-use NAT64 translation address (64:ff9b:1::/48)")]
    [InlineData("100:0:0:1::", "dummy address (100:0:0:1::/64)")]
    [InlineData("2620:4f:8000::", "AS112 anycast address (direct delegation) (2620:4f:8000::/48)")]
    [InlineData("3fff::", "documentation address (3fff::/20)")]
    [InlineData("3fff::1", "documentation address (3fff::/20)")]
    [InlineData("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "documentation address (3fff::/20)")]
    [InlineData("5f00::", "segment routing (SRv6) address (5f00::/16)")]
    [InlineData("5f00::1", "segment routing (SRv6) address (5f00::/16)")]
    [InlineData("5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "segment routing (SRv6) address (5f00::/16)")]
    [InlineData("fec0::", "site-local address (deprecated) (fec0::/10)")]
    [InlineData("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "site-local address (deprecated) (fec0::/10)")]
    [InlineData("::1:0:0:0", "unassigned address (outside global unicast 2000::/3) (::/3)")]
    [InlineData("64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff", "unassigned address (outside global unicast 2000::/3) (::/3)")]
    [InlineData("1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unassigned address (outside global unicast 2000::/3) (::/3)")]
    [InlineData("4000::", "unassigned address (outside global unicast 2000::/3) (4000::/2)")]
    [InlineData("5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unassigned address (outside global unicast 2000::/3) (4000::/2)")]
    [InlineData("8000::", "unassigned address (outside global unicast 2000::/3) (8000::/1)")]
    [InlineData("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unassigned address (outside global unicast 2000::/3) (8000::/1)")]
    [InlineData("fe00::", "unassigned address (outside global unicast 2000::/3) (8000::/1)")]
    [InlineData("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unassigned address (outside global unicast 2000::/3) (8000::/1)")]
    public void The_first_and_last_address_of_each_special_range_are_never_sent(string address, string kind)
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, address)).ShouldBe($"{kind}: never sent to the API");
    }

    [Theory]
    [InlineData("2002:a00:1::1", "6to4 address of 10.0.0.1: private address (10.0.0.0/8)")]
    [InlineData("2002:7f00:1::", "6to4 address of 127.0.0.1: loopback address (127.0.0.0/8)")]
    [InlineData("2002:c0a8:101:1::1", "6to4 address of 192.168.1.1: private address (192.168.0.0/16)")]
    [InlineData("2002:c000:204::", "6to4 address of 192.0.2.4: documentation address (192.0.2.0/24)")]
    public void A_6to4_address_of_a_special_use_IPv4_address_is_never_sent(string address, string why)
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, address)).ShouldBe($"{why}: never sent to the API");
    }

    [Fact]
    public void A_6to4_address_of_an_excluded_network_is_never_sent()
    {
        var excluding = new LookupGuard(["188.40.0.0/16"]);

        excluding.WhyNotAllowed(new Indicator(IndicatorType.Ip, "2002:bc28:4b84::1"))
            .ShouldBe("6to4 address of 188.40.75.132: excluded by Lookup:Exclude entry \"188.40.0.0/16\"");
    }

    [Theory]
    [InlineData("1.0.0.0")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.0")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("126.255.255.255")]
    [InlineData("128.0.0.0")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("191.255.255.255")]
    [InlineData("192.0.1.0")]
    [InlineData("192.0.1.255")]
    [InlineData("192.0.3.0")]
    [InlineData("192.88.98.255")]
    [InlineData("192.88.100.0")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.0")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("198.51.99.255")]
    [InlineData("198.51.101.0")]
    [InlineData("203.0.112.255")]
    [InlineData("203.0.114.0")]
    [InlineData("223.255.255.255")]
    [InlineData("188.40.75.132")]
    [InlineData("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db9::")]
    [InlineData("2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:200::")]
    [InlineData("2a00:1450:4001:800::200e")]
    [InlineData("2000::")]
    [InlineData("3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("3fff:1000::")]
    [InlineData("2620:4f:7fff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2620:4f:8001::")]
    [InlineData("192.31.195.255")]
    [InlineData("192.31.197.0")]
    [InlineData("192.52.192.255")]
    [InlineData("192.52.194.0")]
    [InlineData("192.175.47.255")]
    [InlineData("192.175.49.0")]
    [InlineData("2002:bc28:4b84::1")]
    public void An_address_just_outside_the_special_ranges_may_be_sent(string address)
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, address)).ShouldBeNull();
    }

    [Theory]
    [InlineData("localhost", "loopback name (localhost)")]
    [InlineData("www.localhost", "loopback name (localhost)")]
    [InlineData("printer.local", "multicast DNS name (.local)")]
    [InlineData("db.corp.internal", "private network name (.internal)")]
    [InlineData("nas.lan", "private network name (.lan)")]
    [InlineData("router.home.arpa", "home network name (.home.arpa)")]
    [InlineData("home.arpa", "home network name (.home.arpa)")]
    [InlineData("site.test", "reserved test name (.test)")]
    [InlineData("site.invalid", "reserved invalid name (.invalid)")]
    [InlineData("site.example", "documentation name (.example)")]
    [InlineData("example.com", "documentation name (example.com)")]
    [InlineData("www.example.com", "documentation name (example.com)")]
    [InlineData("example.net", "documentation name (example.net)")]
    [InlineData("mail.example.org", "documentation name (example.org)")]
    [InlineData("4.3.2.1.in-addr.arpa", "reverse-DNS name (.in-addr.arpa)")]
    [InlineData("1.0.0.0.ip6.arpa", "reverse-DNS name (.ip6.arpa)")]
    [InlineData("PRINTER.LOCAL", "multicast DNS name (.local)")]
    [InlineData("printer.local.", "multicast DNS name (.local)")]
    [InlineData("x.onion", "Tor onion service name (.onion)")]
    [InlineData("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", "Tor onion service name (.onion)")]
    [InlineData("x.alt", "non-DNS name (.alt)")]
    [InlineData("ipv4only.arpa", "infrastructure name (.arpa)")]
    [InlineData("_dns.resolver.arpa", "infrastructure name (.arpa)")]
    [InlineData("default.service.arpa", "infrastructure name (.arpa)")]
    [InlineData("x.6tisch.arpa", "infrastructure name (.arpa)")]
    [InlineData("eap-noob.arpa", "infrastructure name (.arpa)")]
    public void Special_use_names_are_never_sent(string name, string kind)
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Domain, name)).ShouldBe($"{kind}: never sent to the API");
    }

    [Theory]
    [InlineData("example.co")]
    [InlineData("myexample.com")]
    [InlineData("local.evil.com")]
    [InlineData("localhost.evil.com")]
    [InlineData("testing.com")]
    [InlineData("onion.com")]
    [InlineData("alt.com")]
    [InlineData("arpa.net")]
    [InlineData("evil.com")]
    public void Names_that_only_resemble_special_ones_may_be_sent(string name)
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Domain, name)).ShouldBeNull();
    }

    [Fact]
    public void An_email_address_at_a_special_use_domain_is_never_sent()
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Email, "admin@mail.example.com"))
            .ShouldBe("documentation name (example.com): never sent to the API");
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Email, "admin@evil.com")).ShouldBeNull();
    }

    [Fact]
    public void Hashes_other_than_the_empty_files_and_antivirus_names_are_always_allowed()
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78")).ShouldBeNull();
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Antivirus, "localhost")).ShouldBeNull();
    }

    [Fact]
    public void An_ip_value_that_is_not_an_address_is_refused()
    {
        _guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, "1.2.3")).ShouldBe("not a valid IP address: never sent to the API");
    }
}
