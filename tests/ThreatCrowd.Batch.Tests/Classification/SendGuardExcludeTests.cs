using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class SendGuardExcludeTests
{
    private static string? Why(SendGuard guard, IndicatorType type, string value) =>
        guard.WhyNotAllowed(new Indicator(type, value));

    [Theory]
    [InlineData("corp.net")]
    [InlineData("www.corp.net")]
    [InlineData("a.b.corp.net")]
    public void A_domain_entry_covers_the_domain_and_its_subdomains(string name)
    {
        var guard = new SendGuard(["corp.net"]);

        Why(guard, IndicatorType.Domain, name).ShouldBe("excluded by Lookup:Exclude entry \"corp.net\"");
    }

    [Theory]
    [InlineData("notcorp.net")]
    [InlineData("corp.net.evil.com")]
    [InlineData("net")]
    public void A_domain_entry_does_not_cover_other_names(string name)
    {
        var guard = new SendGuard(["corp.net"]);

        Why(guard, IndicatorType.Domain, name).ShouldBeNull();
    }

    [Fact]
    public void A_domain_entry_covers_email_addresses_at_it()
    {
        var guard = new SendGuard(["corp.net"]);

        Why(guard, IndicatorType.Email, "ceo@corp.net").ShouldBe("excluded by Lookup:Exclude entry \"corp.net\"");
        Why(guard, IndicatorType.Email, "ceo@mail.corp.net").ShouldBe("excluded by Lookup:Exclude entry \"corp.net\"");
        Why(guard, IndicatorType.Email, "corp.net@evil.com").ShouldBeNull();
    }

    [Fact]
    public void A_wildcard_entry_covers_subdomains_but_not_the_bare_name()
    {
        var guard = new SendGuard(["*.corp.net"]);

        Why(guard, IndicatorType.Domain, "www.corp.net").ShouldBe("excluded by Lookup:Exclude entry \"*.corp.net\"");
        Why(guard, IndicatorType.Domain, "a.b.corp.net").ShouldBe("excluded by Lookup:Exclude entry \"*.corp.net\"");
        Why(guard, IndicatorType.Domain, "corp.net").ShouldBeNull();
    }

    [Fact]
    public void Entries_are_trimmed_and_matched_without_case()
    {
        var guard = new SendGuard(["  Corp.NET. ", " 8.8.8.8 "]);

        Why(guard, IndicatorType.Domain, "www.corp.net").ShouldBe("excluded by Lookup:Exclude entry \"Corp.NET.\"");
        Why(guard, IndicatorType.Ip, "8.8.8.8").ShouldBe("excluded by Lookup:Exclude entry \"8.8.8.8\"");
    }

    [Fact]
    public void A_single_address_entry_covers_only_that_address()
    {
        var guard = new SendGuard(["8.8.8.8", "2606:4700::1111"]);

        Why(guard, IndicatorType.Ip, "8.8.8.8").ShouldBe("excluded by Lookup:Exclude entry \"8.8.8.8\"");
        Why(guard, IndicatorType.Ip, "8.8.8.9").ShouldBeNull();
        Why(guard, IndicatorType.Ip, "2606:4700::1111").ShouldBe("excluded by Lookup:Exclude entry \"2606:4700::1111\"");
        Why(guard, IndicatorType.Ip, "2606:4700::1112").ShouldBeNull();
    }

    [Theory]
    [InlineData("81.2.64.0", true)]
    [InlineData("81.2.127.255", true)]
    [InlineData("81.2.63.255", false)]
    [InlineData("81.2.128.0", false)]
    public void An_ipv4_cidr_entry_covers_its_range(string address, bool excluded)
    {
        var guard = new SendGuard(["81.2.64.0/18"]);

        (Why(guard, IndicatorType.Ip, address) is not null).ShouldBe(excluded);
    }

    [Theory]
    [InlineData("2a01:4f8::", true)]
    [InlineData("2a01:4f8:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2a01:4f7:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2a01:4f9::", false)]
    public void An_ipv6_cidr_entry_covers_its_range(string address, bool excluded)
    {
        var guard = new SendGuard(["2A01:4F8::/32"]);

        (Why(guard, IndicatorType.Ip, address) is not null).ShouldBe(excluded);
    }

    [Fact]
    public void An_ipv4_range_does_not_cover_ipv6_addresses_with_the_same_bits()
    {
        var guard = new SendGuard(["0.0.0.0/0"]);

        Why(guard, IndicatorType.Ip, "8.8.8.8").ShouldBe("excluded by Lookup:Exclude entry \"0.0.0.0/0\"");
        Why(guard, IndicatorType.Ip, "2a00:1450::1").ShouldBeNull();
    }

    [Fact]
    public void Host_bits_after_the_prefix_are_ignored()
    {
        var guard = new SendGuard(["81.2.3.4/16"]);

        Why(guard, IndicatorType.Ip, "81.2.200.1").ShouldNotBeNull();
    }

    [Fact]
    public void An_international_domain_entry_matches_its_punycode_form()
    {
        var guard = new SendGuard(["bücher.de"]);

        Why(guard, IndicatorType.Domain, "shop.xn--bcher-kva.de").ShouldBe("excluded by Lookup:Exclude entry \"bücher.de\"");
    }

    [Fact]
    public void Built_in_reasons_come_before_entries_that_overlap_them()
    {
        var guard = new SendGuard(["10.0.0.0/8"]);

        Why(guard, IndicatorType.Ip, "10.1.1.1").ShouldBe("private address (10.0.0.0/8): never sent to the API");
    }

    [Fact]
    public void Valid_entries_give_no_messages()
    {
        SendGuard.Validate(["corp.net", "*.corp.net", "intranet", "8.8.8.8", "10.0.0.0/8", "2001:db8::/32", "::1", "bücher.de"])
            .ShouldBeEmpty();
    }

    [Theory]
    [InlineData("10.0.0.0/33", "Lookup:Exclude entry \"10.0.0.0/33\": prefix length must be 0 to 32")]
    [InlineData("2001:db8::/129", "Lookup:Exclude entry \"2001:db8::/129\": prefix length must be 0 to 128")]
    [InlineData("10.0.0.0/", "Lookup:Exclude entry \"10.0.0.0/\": prefix length must be 0 to 32")]
    [InlineData("10.0.0.0/x", "Lookup:Exclude entry \"10.0.0.0/x\": prefix length must be 0 to 32")]
    [InlineData("10.0.0/8", "Lookup:Exclude entry \"10.0.0/8\": \"10.0.0\" is not an IP address (IPv4 address needs 4 numbers separated by dots, found 3)")]
    [InlineData("300.1.1.1", "Lookup:Exclude entry \"300.1.1.1\": \"300.1.1.1\" is not an IP address (IPv4 octet 300 is out of range)")]
    [InlineData("2001:db8::g", "Lookup:Exclude entry \"2001:db8::g\": \"2001:db8::g\" is not an IP address (not a valid IPv6 address)")]
    [InlineData("  ", "Lookup:Exclude entry \"\": empty entry; remove it")]
    [InlineData("corp net", "Lookup:Exclude entry \"corp net\": character \" \" is not allowed in a domain name (an entry is a domain, a *.wildcard domain, an IP address or a CIDR range)")]
    [InlineData("*.", "Lookup:Exclude entry \"*.\": domain name has an empty label (a leading dot or two dots in a row) (an entry is a domain, a *.wildcard domain, an IP address or a CIDR range)")]
    [InlineData("*", "Lookup:Exclude entry \"*\": character \"*\" is not allowed in a domain name (an entry is a domain, a *.wildcard domain, an IP address or a CIDR range)")]
    [InlineData("ceo@corp.net", "Lookup:Exclude entry \"ceo@corp.net\": character \"@\" is not allowed in a domain name (an entry is a domain, a *.wildcard domain, an IP address or a CIDR range)")]
    public void An_unusable_entry_gets_a_message_naming_it(string entry, string message)
    {
        SendGuard.Validate([entry]).ShouldBe([message]);
    }

    [Fact]
    public void Every_unusable_entry_gets_its_own_message()
    {
        SendGuard.Validate(["ok.net", "10.0.0.0/33", "bad entry"]).Count.ShouldBe(2);
    }

    [Fact]
    public void Constructing_with_unusable_entries_throws_the_messages()
    {
        var thrown = Should.Throw<ArgumentException>(() => new SendGuard(["10.0.0.0/33"]));

        thrown.Message.ShouldContain("Lookup:Exclude entry \"10.0.0.0/33\": prefix length must be 0 to 32");
    }
}
