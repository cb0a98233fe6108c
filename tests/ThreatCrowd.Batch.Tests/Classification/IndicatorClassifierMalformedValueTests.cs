using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class IndicatorClassifierMalformedValueTests
{
    private readonly IndicatorClassifier _classifier = new();

    [Theory]
    [InlineData("256.1.1.1", "IPv4 octet 256 is out of range")]
    [InlineData("1.2.3.300", "IPv4 octet 300 is out of range")]
    [InlineData("1.2.3.1000", "IPv4 octet 1000 is out of range")]
    [InlineData("1.2.3", "IPv4 address needs 4 numbers separated by dots, found 3")]
    [InlineData("1.2.3.4.5", "IPv4 address needs 4 numbers separated by dots, found 5")]
    [InlineData("1..2.3", "IPv4 address has an empty part (two dots in a row)")]
    [InlineData("010.1.1.1", "IPv4 octet 010 has a leading zero (ambiguous: it may be read as octal)")]
    [InlineData("1.2.3.04", "IPv4 octet 04 has a leading zero (ambiguous: it may be read as octal)")]
    public void A_broken_ipv4_address_is_rejected_with_what_is_wrong(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Fact]
    public void An_ipv6_address_with_a_zone_id_is_rejected()
    {
        _classifier.Classify("fe80::1%eth0", null).ShouldBeRejected()
            .ShouldBe("IPv6 address has a zone id (%eth0), which only means something on one machine; remove it");
    }

    [Theory]
    [InlineData("2001:db8::1::2")]
    [InlineData("2001:db8:0:0:0:0:0:0:1")]
    [InlineData("12345::1")]
    public void A_broken_ipv6_address_is_rejected(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe("not a valid IPv6 address");
    }

    [Theory]
    [InlineData("-evil.com", "domain label \"-evil\" starts or ends with a hyphen")]
    [InlineData("evil-.com", "domain label \"evil-\" starts or ends with a hyphen")]
    [InlineData("evil..com", "domain name has an empty label (a leading dot or two dots in a row)")]
    [InlineData(".evil.com", "domain name has an empty label (a leading dot or two dots in a row)")]
    [InlineData("ev!l.com", "character \"!\" is not allowed in a domain name")]
    [InlineData("evil.c0m", "top-level domain \"c0m\" is not alphabetic")]
    [InlineData("evil.123", "top-level domain \"123\" is not alphabetic")]
    [InlineData("*.evil.com.*", "character \"*\" is not allowed in a domain name")]
    [InlineData("quarterly_report.doc", "top-level domain \"doc\" does not exist (not in the Public Suffix List)")]
    [InlineData("setup.exe", "top-level domain \"exe\" does not exist (not in the Public Suffix List)")]
    [InlineData("notes.txt", "top-level domain \"txt\" does not exist (not in the Public Suffix List)")]
    [InlineData("reappraisal_of_india_tibet_policy.doc", "top-level domain \"doc\" does not exist (not in the Public Suffix List)")]
    [InlineData("evil.xn--zzzz", "top-level domain \"xn--zzzz\" does not exist (not in the Public Suffix List)")]
    public void A_broken_domain_is_rejected_with_what_is_wrong(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Fact]
    public void A_domain_label_of_64_characters_is_rejected()
    {
        _classifier.Classify(new string('a', 63) + ".com", null).ShouldBeAccepted();
        _classifier.Classify(new string('a', 64) + ".com", null).ShouldBeRejected()
            .ShouldBe("domain label longer than 63 characters");
    }

    [Fact]
    public void A_domain_longer_than_253_characters_is_rejected()
    {
        var label = new string('a', 60);
        var longest = $"{label}.{label}.{label}.{label}.solutions";
        longest.Length.ShouldBe(253);

        _classifier.Classify(longest, null).ShouldBeAccepted();
        _classifier.Classify("a" + longest, null).ShouldBeRejected().ShouldBe("domain name longer than 253 characters");
    }

    [Theory]
    [InlineData("a@b", "e-mail domain \"b\": domain name needs at least two labels, like example.com")]
    [InlineData("@evil.com", "e-mail address has nothing before the @")]
    [InlineData("user@", "e-mail address has nothing after the @")]
    [InlineData("a@b@evil.com", "e-mail address has more than one @")]
    [InlineData("user@evil..com", "e-mail domain \"evil..com\": domain name has an empty label (a leading dot or two dots in a row)")]
    [InlineData("üser@evil.com", "e-mail local part (before the @) may only hold printable ASCII characters")]
    public void A_broken_email_address_is_rejected_with_what_is_wrong(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Fact]
    public void An_email_local_part_longer_than_64_characters_is_rejected()
    {
        _classifier.Classify(new string('a', 64) + "@evil.com", null).ShouldBeAccepted();
        _classifier.Classify(new string('a', 65) + "@evil.com", null).ShouldBeRejected()
            .ShouldBe("e-mail local part (before the @) longer than 64 characters");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(39)]
    [InlineData(63)]
    [InlineData(65)]
    public void Hex_of_a_length_no_hash_has_is_rejected(int length)
    {
        _classifier.Classify(new string('a', length), null).ShouldBeRejected()
            .ShouldBe($"{length} hex digits is not a file hash (MD5 has 32, SHA-1 40, SHA-256 64)");
    }

    [Fact]
    public void An_international_name_that_cannot_be_converted_is_rejected()
    {
        _classifier.Classify("bü..de", null).ShouldBeRejected().ShouldBe("international domain name cannot be converted to punycode");
    }
}
