using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class LookupGuardBuiltInTests
{
    private readonly LookupGuard guard = new([]);

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
    public void The_first_and_last_address_of_each_special_range_are_never_sent(string address, string kind)
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, address)).ShouldBe($"{kind}: never sent to the API");
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
    [InlineData("::2")]
    [InlineData("::fffe:ffff:ffff")]
    [InlineData("::1:0:0:0")]
    [InlineData("64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("64:ff9b::1:0:0")]
    [InlineData("ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("100:0:0:1::")]
    [InlineData("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:db9::")]
    [InlineData("2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2001:200::")]
    [InlineData("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("fe00::")]
    [InlineData("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("fec0::")]
    [InlineData("feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2a00:1450:4001:800::200e")]
    public void An_address_just_outside_the_special_ranges_may_be_sent(string address)
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, address)).ShouldBeNull();
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
    public void Special_use_names_are_never_sent(string name, string kind)
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Domain, name)).ShouldBe($"{kind}: never sent to the API");
    }

    [Theory]
    [InlineData("example.co")]
    [InlineData("myexample.com")]
    [InlineData("local.evil.com")]
    [InlineData("localhost.evil.com")]
    [InlineData("testing.com")]
    [InlineData("evil.com")]
    public void Names_that_only_resemble_special_ones_may_be_sent(string name)
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Domain, name)).ShouldBeNull();
    }

    [Fact]
    public void An_email_address_at_a_special_use_domain_is_never_sent()
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Email, "admin@mail.example.com"))
            .ShouldBe("documentation name (example.com): never sent to the API");
        guard.WhyNotAllowed(new Indicator(IndicatorType.Email, "admin@evil.com")).ShouldBeNull();
    }

    [Fact]
    public void Hashes_other_than_the_empty_files_and_antivirus_names_are_always_allowed()
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78")).ShouldBeNull();
        guard.WhyNotAllowed(new Indicator(IndicatorType.Antivirus, "localhost")).ShouldBeNull();
    }

    [Fact]
    public void An_ip_value_that_is_not_an_address_is_refused()
    {
        guard.WhyNotAllowed(new Indicator(IndicatorType.Ip, "1.2.3")).ShouldBe("not a valid IP address: never sent to the API");
    }
}
