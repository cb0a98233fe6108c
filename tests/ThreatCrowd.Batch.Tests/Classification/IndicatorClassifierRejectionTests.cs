using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class IndicatorClassifierRejectionTests
{
    private readonly IndicatorClassifier _classifier = new();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n")]
    [InlineData("\"\"")]
    [InlineData("< >")]
    public void An_empty_value_is_rejected(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe("empty value");
    }

    [Theory]
    [InlineData("exa mple.com", "contains a space")]
    [InlineData("not a value!", "contains a space")]
    [InlineData("exa\tmple.com", "contains a tab")]
    [InlineData("\"exa\nmple.com\"", "contains a line break")]
    [InlineData("exa\u00A0mple.com", "contains a space character (U+00A0)")]
    public void Whitespace_inside_a_value_is_rejected(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Theory]
    [InlineData("plugx")]
    [InlineData("cafe")]
    [InlineData("hello!")]
    [InlineData("12345")]
    [InlineData("C:\\Windows\\evil.exe")]
    public void A_value_that_resembles_no_indicator_gets_the_general_reason(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(IndicatorClassifier.NotRecognized);
    }

    [Fact]
    public void The_general_reason_says_how_to_submit_an_antivirus_name()
    {
        IndicatorClassifier.NotRecognized.ShouldBe(
            "not a domain, IP address, e-mail address or file hash (an antivirus family name needs a \"type\" column saying antivirus)");
    }

    [Theory]
    [InlineData("ev\uFFFDl.com")]
    [InlineData("\uFFFD")]
    public void Bytes_that_were_not_utf8_are_rejected(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe("contains bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    [Theory]
    [InlineData("evil\u0000.com", "contains a control character (U+0000)")]
    [InlineData("evil\u001B.com", "contains a control character (U+001B)")]
    [InlineData("evil\u007F.com", "contains a control character (U+007F)")]
    [InlineData("evil\u0085.com", "contains a control character (U+0085)")]
    [InlineData("ev\u200Dil.com", "contains an invisible character (U+200D)")]
    public void Control_and_invisible_characters_are_rejected(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Fact]
    public void A_value_longer_than_2048_characters_is_rejected_before_anything_else()
    {
        var padded = new string(' ', 2040) + "evil.com" + " ";
        padded.Length.ShouldBe(2049);

        _classifier.Classify(padded, null).ShouldBeRejected().ShouldBe("value longer than 2048 characters");
        _classifier.Classify(padded, "antivirus").ShouldBeRejected().ShouldBe("value longer than 2048 characters");
        _classifier.Classify(padded[1..], null).ShouldBeAccepted();
    }

    [Theory]
    [InlineData("10.0.0.0/8", "a CIDR range (10.0.0.0/8), not a single address; list the addresses to look up")]
    [InlineData("2001:db8::/32", "a CIDR range (2001:db8::/32), not a single address; list the addresses to look up")]
    public void A_cidr_range_is_rejected_rather_than_cut_to_its_first_address(string raw, string reason)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe(reason);
    }

    [Theory]
    [InlineData("http:///path")]
    [InlineData("http://user@/path")]
    public void A_url_without_a_host_is_rejected(string raw)
    {
        _classifier.Classify(raw, null).ShouldBeRejected().ShouldBe("URL has no host name");
    }
}
