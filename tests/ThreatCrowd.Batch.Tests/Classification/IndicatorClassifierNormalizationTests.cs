using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class IndicatorClassifierNormalizationTests
{
    private readonly IndicatorClassifier _classifier = new();

    [Theory]
    [InlineData("  evil.com  ", "evil.com")]
    [InlineData("evil.com\r", "evil.com")]
    [InlineData("\tevil.com\n", "evil.com")]
    [InlineData("\uFEFFevil.com", "evil.com")]
    [InlineData("\"evil.com\"", "evil.com")]
    [InlineData("'evil.com'", "evil.com")]
    [InlineData("<evil.com>", "evil.com")]
    [InlineData("\" <evil.com> \"", "evil.com")]
    public void Whitespace_and_enclosing_quotes_are_removed(string raw, string expected)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, expected));
    }

    [Theory]
    [InlineData("evil[.]com")]
    [InlineData("evil(.)com")]
    [InlineData("evil{.}com")]
    [InlineData("evil[dot]com")]
    [InlineData("evil(dot)com")]
    [InlineData("evil[DOT]com")]
    [InlineData("www[.]evil[.]com", "www.evil.com")]
    public void A_defanged_domain_is_refanged(string raw, string expected = "evil.com")
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, expected));
    }

    [Theory]
    [InlineData("user[@]evil.com")]
    [InlineData("user(@)evil.com")]
    [InlineData("user[at]evil.com")]
    [InlineData("user[at]evil[.]com")]
    public void A_defanged_email_address_is_refanged(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Email, "user@evil.com"));
    }

    [Theory]
    [InlineData("hxxp://evil.com/login")]
    [InlineData("hxxps://evil.com/login")]
    [InlineData("hXXp://evil.com")]
    [InlineData("HXXPS://evil.com")]
    [InlineData("fxp://evil.com/file.bin")]
    [InlineData("hxxp[://]evil[.]com/x")]
    [InlineData("hxxps[:]//evil.com")]
    [InlineData("http://evil.com")]
    [InlineData("https://user:secret@evil.com:8443/path/to?q=1#frag")]
    [InlineData("//evil.com/protocol-relative")]
    [InlineData("evil.com/login")]
    [InlineData("evil.com/")]
    [InlineData("evil.com?q=1")]
    [InlineData("evil.com:8080")]
    [InlineData("evil.com:8080/x")]
    [InlineData("HTTP://EVIL.COM/Login")]
    [InlineData("evil.com/login?next=user@example.org")]
    [InlineData("*.evil.com")]
    public void A_url_is_reduced_to_its_host(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, "evil.com"));
    }

    [Theory]
    [InlineData("http://1.2.3.4/x", "1.2.3.4")]
    [InlineData("hxxp://1[.]2[.]3[.]4:8080/x", "1.2.3.4")]
    [InlineData("1.2.3.4:443", "1.2.3.4")]
    [InlineData("http://[2001:DB8::1]:8080/x", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public void A_url_whose_host_is_an_address_gives_an_ip(string raw, string expected)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Ip, expected));
    }

    [Theory]
    [InlineData("ms17-010.win-x86.zip")]
    [InlineData("salesthe.xyz")]
    [InlineData("evil.international")]
    [InlineData("evil.xn--p1ai")]
    public void A_name_under_a_real_top_level_domain_is_a_domain(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().Type.ShouldBe(IndicatorType.Domain);
    }

    [Theory]
    [InlineData("google.com.", "google.com")]
    [InlineData("google.com..", "google.com")]
    [InlineData("http://google.com./", "google.com")]
    public void Trailing_dots_are_removed_from_domains(string raw, string expected)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, expected));
    }

    [Theory]
    [InlineData("EVIL.Com", "domain", "evil.com")]
    [InlineData("William19770319@Yahoo.COM", "email", "william19770319@yahoo.com")]
    [InlineData("EC8C89AA5E521572C74E2DD02A4DAF78", "file", "ec8c89aa5e521572c74e2dd02a4daf78")]
    [InlineData("mailto:Someone@Evil.com", "email", "someone@evil.com")]
    public void Domains_email_addresses_and_hashes_are_lower_cased(string raw, string type, string expected)
    {
        var indicator = _classifier.Classify(raw, null).ShouldBeAccepted();

        indicator.Type.ToName().ShouldBe(type);
        indicator.Value.ShouldBe(expected);
    }

    [Theory]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("BÜCHER.de", "xn--bcher-kva.de")]
    [InlineData("пример.рф", "xn--e1afmkfd.xn--p1ai")]
    [InlineData("http://bücher.de/path", "xn--bcher-kva.de")]
    [InlineData("xn--bcher-kva.de", "xn--bcher-kva.de")]
    public void An_international_domain_becomes_punycode(string raw, string expected)
    {
        _classifier.Classify(raw, null).ShouldBeAccepted().ShouldBe(new Indicator(IndicatorType.Domain, expected));
    }

    [Fact]
    public void An_email_address_at_an_international_domain_gets_a_punycode_domain()
    {
        _classifier.Classify("info@bücher.de", null).ShouldBeAccepted()
            .ShouldBe(new Indicator(IndicatorType.Email, "info@xn--bcher-kva.de"));
    }

    [Fact]
    public void A_value_that_needs_no_change_is_returned_as_the_same_string()
    {
        const string value = "evil.com";

        var indicator = _classifier.Classify(value, null).ShouldBeAccepted();

        ReferenceEquals(indicator.Value, value).ShouldBeTrue();
    }
}
