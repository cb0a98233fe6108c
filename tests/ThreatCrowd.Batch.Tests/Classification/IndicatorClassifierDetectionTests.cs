using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class IndicatorClassifierDetectionTests
{
    private readonly IndicatorClassifier _classifier = new();

    [Theory]
    [InlineData("1.2.3.4")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("188.40.75.132")]
    [InlineData("10.0.0.1")]
    public void A_dotted_quad_is_an_ip(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Ip, raw));
    }

    [Theory]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("2001:0db8::0001", "2001:db8::1")]
    [InlineData("::1", "::1")]
    [InlineData("FE80::1", "fe80::1")]
    public void An_ipv6_address_is_written_in_canonical_compressed_lower_case(string raw, string expected)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Ip, expected));
    }

    [Theory]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("::FFFF:1.2.3.4")]
    [InlineData("::ffff:0102:0304")]
    public void An_ipv4_mapped_ipv6_address_becomes_the_ipv4_address(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Ip, "1.2.3.4"));
    }

    [Theory]
    [InlineData("evil.com")]
    [InlineData("a.b.c.evil.co.uk")]
    [InlineData("123.com")]
    [InlineData("my_host.evil.com")]
    [InlineData("a-b.evil.com")]
    [InlineData("evil.xn--p1ai")]
    public void A_valid_host_name_is_a_domain(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, raw));
    }

    [Theory]
    [InlineData("user@evil.com")]
    [InlineData("first.last+tag@mail.evil.com")]
    [InlineData("a!#$%&'*+/=?^_`{|}~-z@evil.com")]
    public void Local_at_domain_is_an_email_address(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Email, raw));
    }

    [Theory]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Md5_sha1_and_sha256_hex_strings_are_files(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.File, raw));
    }

    [Fact]
    public void An_antivirus_family_name_without_a_hint_is_rejected_with_advice()
    {
        _classifier.Classify("plugx", null).ShouldBeRejected().ShouldBe(IndicatorClassifier.NotRecognized);
    }

    [Theory]
    [InlineData("plugx", "plugx")]
    [InlineData("  PlugX  ", "plugx")]
    [InlineData("Trojan.Win32.Generic", "trojan.win32.generic")]
    [InlineData("Backdoor Agent", "backdoor agent")]
    [InlineData("\"Emotet\"", "emotet")]
    public void An_antivirus_hint_takes_the_value_as_a_family_name(string raw, string expected)
    {
        _classifier.Classify(raw, "antivirus").ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Antivirus, expected));
    }

    [Theory]
    [InlineData("av")]
    [InlineData("malware")]
    [InlineData("family")]
    [InlineData(" Antivirus ")]
    public void Every_antivirus_hint_name_gives_an_antivirus_indicator(string hint)
    {
        _classifier.Classify("evil.com", hint).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Antivirus, "evil.com"));
    }

    [Fact]
    public void An_antivirus_name_of_100_characters_is_accepted_and_101_rejected()
    {
        _classifier.Classify(new string('a', 100), "antivirus").ShouldBeAccepted();
        _classifier.Classify(new string('a', 101), "antivirus").ShouldBeRejected()
            .ShouldBe("antivirus family name longer than 100 characters");
    }

    [Theory]
    [InlineData("plug\tx", "contains a tab")]
    [InlineData("plug\nx", "contains a line break")]
    [InlineData("plug\u0007x", "contains a control character (U+0007)")]
    public void An_antivirus_name_must_be_printable(string raw, string reason)
    {
        _classifier.Classify(raw, "antivirus").ShouldBeRejected().ShouldBe(reason);
    }
}
