using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class IndicatorClassifierHintTests
{
    private readonly IndicatorClassifier _classifier = new();

    [Theory]
    [InlineData("evil.com", "domain", "domain")]
    [InlineData("evil.com", "hostname", "domain")]
    [InlineData("evil.com", "FQDN", "domain")]
    [InlineData("hxxp://evil.com/x", "url", "domain")]
    [InlineData("1.2.3.4", "ip", "ip")]
    [InlineData("1.2.3.4", "ipv4", "ip")]
    [InlineData("2001:db8::1", "ipv6", "ip")]
    [InlineData("1.2.3.4", "ip_address", "ip")]
    [InlineData("1.2.3.4", "address", "ip")]
    [InlineData("a@evil.com", "email", "email")]
    [InlineData("a@evil.com", "e-mail", "email")]
    [InlineData("a@evil.com", "mail", "email")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "md5", "file")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", "sha1", "file")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256", "file")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "hash", "file")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", "file", "file")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "filehash", "file")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "File_Hash", "file")]
    [InlineData("plugx", "antivirus", "antivirus")]
    public void A_value_that_matches_its_hint_is_accepted(string raw, string hint, string type)
    {
        _classifier.Classify(raw, hint).ShouldBeAccepted().Type.ToName().ShouldBe(type);
    }

    [Theory]
    [InlineData("http://1.2.3.4/x", "1.2.3.4")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    public void A_url_hint_whose_host_is_an_address_gives_an_ip(string raw, string expected)
    {
        _classifier.Classify(raw, "url").ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Ip, expected));
    }

    [Theory]
    [InlineData(" MD5 ")]
    [InlineData("Md5")]
    public void A_hint_is_read_case_insensitively_and_trimmed(string hint)
    {
        _classifier.Classify("d41d8cd98f00b204e9800998ecf8427e", hint).ShouldBeAccepted().Type.ShouldBe(IndicatorType.File);
        _classifier.Classify("evil.com", hint).ShouldBeRejected();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("comment")]
    [InlineData("ioc")]
    public void A_missing_or_unknown_hint_means_detect(string? hint)
    {
        _classifier.Classify("1.2.3.4", hint).ShouldBeAccepted().Type.ShouldBe(IndicatorType.Ip);
        _classifier.Classify("evil.com", hint).ShouldBeAccepted().Type.ShouldBe(IndicatorType.Domain);
    }

    [Theory]
    [InlineData("abc", "md5", "column says md5 but \"abc\" is not 32 hex digits (it has 3)")]
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709", "md5",
        "column says md5 but \"da39a3ee5e6b4b0d3255bfef95601890afd80709\" is not 32 hex digits (it has 40)")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "sha1",
        "column says sha1 but \"d41d8cd98f00b204e9800998ecf8427e\" is not 40 hex digits (it has 32)")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "sha256",
        "column says sha256 but \"d41d8cd98f00b204e9800998ecf8427e\" is not 64 hex digits (it has 32)")]
    [InlineData("evil.com", "md5", "column says md5 but \"evil.com\" is not 32 hex digits (it is a domain name)")]
    [InlineData("plugx", "md5", "column says md5 but \"plugx\" is not 32 hex digits")]
    [InlineData("evil.com", "hash", "column says hash but \"evil.com\" is not an MD5, SHA-1 or SHA-256 hash (it is a domain name)")]
    [InlineData("1.2.3.4", "domain", "column says domain but \"1.2.3.4\" is not a domain name (it is an IP address)")]
    [InlineData("plugx", "domain", "column says domain but \"plugx\" is not a domain name (domain name needs at least two labels, like example.com)")]
    [InlineData("evil.com", "ip", "column says ip but \"evil.com\" is not an IP address (it is a domain name)")]
    [InlineData("256.1.1.1", "ip", "column says ip but \"256.1.1.1\" is not an IP address (IPv4 octet 256 is out of range)")]
    [InlineData("256.1.1.1", "md5", "column says md5 but \"256.1.1.1\" is not 32 hex digits")]
    [InlineData("evil.com", "email", "column says email but \"evil.com\" is not an e-mail address (it is a domain name)")]
    [InlineData("a@evil.com", "url", "column says url but \"a@evil.com\" is not a host name, IP address or URL (it is an e-mail address)")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e", "ip", "column says ip but \"d41d8cd98f00b204e9800998ecf8427e\" is not an IP address (it is an MD5 hash)")]
    [InlineData("exa mple.com", "domain", "column says domain but \"exa mple.com\" is not a domain name (contains a space)")]
    public void A_value_that_is_not_what_its_hint_says_is_rejected_naming_both(string raw, string hint, string reason)
    {
        _classifier.Classify(raw, hint).ShouldBeRejected().ShouldBe(reason);
    }

    [Fact]
    public void A_mismatch_reason_shortens_a_long_value()
    {
        var reason = _classifier.Classify(new string('x', 500) + ".com", "ip").ShouldBeRejected();

        reason.ShouldStartWith($"column says ip but \"{new string('x', 57)}...\" is not an IP address");
    }

    [Fact]
    public void Hint_independent_problems_are_reported_as_they_are()
    {
        _classifier.Classify("  ", "md5").ShouldBeRejected().ShouldBe("empty value");
        _classifier.Classify("ev\uFFFDl.com", "domain").ShouldBeRejected().ShouldStartWith("contains bytes that are not valid UTF-8");
    }
}
