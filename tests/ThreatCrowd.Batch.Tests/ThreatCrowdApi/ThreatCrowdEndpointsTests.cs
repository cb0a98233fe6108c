using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

public sealed class ThreatCrowdEndpointsTests
{
    private static readonly Uri Base = new("https://www.threatcrowd.org/searchApi/v2/");

    [Theory]
    [InlineData("email", "a+b@example.com", "https://www.threatcrowd.org/searchApi/v2/email/report/?email=a%2Bb%40example.com")]
    [InlineData("domain", "aoldaily.com", "https://www.threatcrowd.org/searchApi/v2/domain/report/?domain=aoldaily.com")]
    [InlineData("ip", "2001:db8::1", "https://www.threatcrowd.org/searchApi/v2/ip/report/?ip=2001%3Adb8%3A%3A1")]
    [InlineData("antivirus", "Win32 Trojan&x", "https://www.threatcrowd.org/searchApi/v2/antivirus/report/?antivirus=Win32%20Trojan%26x")]
    [InlineData("file", "ec8c89aa5e521572c74e2dd02a4daf78", "https://www.threatcrowd.org/searchApi/v2/file/report/?resource=ec8c89aa5e521572c74e2dd02a4daf78")]
    public void Each_type_has_its_path_and_parameter_with_the_value_escaped(string typeName, string value, string expected)
    {
        ThreatCrowdEndpoints.ReportUri(Base, new Indicator(TypeNamed(typeName), value)).AbsoluteUri.ShouldBe(expected);
    }

    [Fact]
    public void A_base_below_a_path_prefix_keeps_the_prefix()
    {
        var uri = ThreatCrowdEndpoints.ReportUri(new Uri("http://127.0.0.1:8080/mirror/searchApi/v2/"), new Indicator(IndicatorType.Ip, "1.2.3.4"));

        uri.AbsoluteUri.ShouldBe("http://127.0.0.1:8080/mirror/searchApi/v2/ip/report/?ip=1.2.3.4");
    }

    [Fact]
    public void A_base_without_a_trailing_slash_is_refused()
    {
        Should.Throw<ArgumentException>(
            () => ThreatCrowdEndpoints.ReportUri(new Uri("https://www.threatcrowd.org/searchApi/v2"), new Indicator(IndicatorType.Ip, "1.2.3.4")));
    }

    private static IndicatorType TypeNamed(string name)
    {
        IndicatorTypeNames.TryParse(name, out var type).ShouldBeTrue();
        return type;
    }
}
