using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.Configuration;

/// <summary>Credentials in URLs: refused where the service needs none, taken apart for the proxy, never quoted.</summary>
public sealed class UrlCredentialTests
{
    private const string Secret = "TOKEN-s3cr3t";

    [Theory]
    [InlineData("ThreatCrowd:BaseUrl", "http://user:" + Secret + "@127.0.0.1/searchApi/v2/")]
    [InlineData("ThreatCrowd:VoteUrl", "https://" + Secret + "@www.threatcrowd.org/vote.php")]
    [InlineData("Sources:Feeds:0:Url", "https://feeds:" + Secret + "@intel.example.net/ips.txt")]
    public void A_service_or_feed_url_carrying_credentials_is_refused_naming_the_key_without_the_secret(string key, string url)
    {
        string[] settings = key.StartsWith("Sources", StringComparison.Ordinal)
            ? [$"--{key}={url}", "--Sources:Feeds:0:Type=ip"]
            : [$"--{key}={url}"];

        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, settings));

        error.Message.ShouldContain($"{key} is \"");
        error.Message.ShouldContain("***@");
        error.Message.ShouldContain("carries a user name or password");
        error.Message.ShouldNotContain(Secret);
    }

    [Theory]
    [InlineData("user:" + Secret + "@proxy:3128")]
    [InlineData("socks5://user:" + Secret + "@proxy:1080")]
    [InlineData("http://user:" + Secret + "/with-slash@proxy:3128 and junk")]
    public void An_invalid_proxy_is_quoted_without_its_password(string proxy)
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, [$"--ThreatCrowd:Proxy={proxy}"]));

        error.Message.ShouldContain("ThreatCrowd:Proxy is \"");
        error.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public void A_proxy_login_is_taken_out_of_the_address_and_sent_as_the_proxy_s_credentials()
    {
        var options = BatchConfiguration.Load(null, [$"--ThreatCrowd:Proxy=http://corp%5Cjane:{Secret}%40x@proxy.corp:3128"]);

        var proxy = ProxySetting.Create(options.ThreatCrowd.Proxy!);

        proxy.Address.ShouldBe(new Uri("http://proxy.corp:3128/"));
        proxy.Address!.ToString().ShouldNotContain(Secret);
        var credential = proxy.Credentials.ShouldNotBeNull().GetCredential(proxy.Address, "Basic").ShouldNotBeNull();
        credential.UserName.ShouldBe(@"corp\jane");
        credential.Password.ShouldBe(Secret + "@x");
    }

    [Theory]
    [InlineData("https://a:b@host/x", "https://***@host/x")]
    [InlineData("a:b@host:1", "***@host:1")]
    [InlineData("https://host/feeds/ips.txt", "https://host/feeds/ips.txt")]
    [InlineData("", "")]
    public void Redacting_blanks_everything_between_the_scheme_and_the_last_at_sign(string value, string shown)
    {
        UrlCredentials.Redact(value).ShouldBe(shown);
    }
}
