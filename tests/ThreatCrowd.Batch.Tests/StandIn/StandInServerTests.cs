using System.Net;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.StandIn;

/// <summary>The stand-in answers like the live service did, from the fixture files.</summary>
public sealed class StandInServerTests
{
    [Theory]
    [InlineData("domain/report/?domain=aoldaily.com", "domain_aoldaily.com.json")]
    [InlineData("domain/report/?domain=google.com", "domain_google.com.json")]
    [InlineData("ip/report/?ip=188.40.75.132", "ip_188.40.75.132.json")]
    [InlineData("email/report/?email=william19770319%40yahoo.com", "email_william19770319@yahoo.com.json")]
    [InlineData("antivirus/report/?antivirus=plugx", "antivirus_plugx.json")]
    [InlineData("file/report/?resource=ec8c89aa5e521572c74e2dd02a4daf78", "file_ec8c89aa5e521572c74e2dd02a4daf78.json")]
    [InlineData("domain/report/?domain=AOLDAILY.COM", "domain_aoldaily.com.json")]
    public async Task A_report_is_the_fixture_byte_for_byte_labelled_as_html(string query, string fixture)
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.ApiBaseUrl, query));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=UTF-8");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Fixtures.ReadBytes(fixture));
    }

    [Theory]
    [InlineData("domain/report/?domain=unknown.example")]
    [InlineData("domain/report/")]
    [InlineData("domain/report/?ip=188.40.75.132")]
    [InlineData("file/report/?md5=ec8c89aa5e521572c74e2dd02a4daf78")]
    public async Task An_unknown_or_missing_value_is_the_not_found_answer(string query)
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();

        var body = await http.GetStringAsync(new Uri(server.ApiBaseUrl, query));

        body.ShouldBe("""{"response_code":"0"}""");
    }

    [Fact]
    public async Task A_feed_is_served_as_plain_text()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Root, "feeds/ips.txt"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Fixtures.ReadBytes("feeds/ips.txt"));
    }

    [Fact]
    public async Task Feeds_do_not_consume_faults()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();
        server.Faults.Enqueue(StandInFault.EmptyBody());

        var feed = await http.GetStringAsync(new Uri(server.Root, "feeds/domains.txt"));

        feed.ShouldContain("aoldaily.com");
        server.Faults.Pending.ShouldBe(1);
    }

    [Fact]
    public async Task A_vote_is_acknowledged()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Root, "vote.php?vote=0&value=aoldaily.com"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("feeds/urls.txt")]
    [InlineData("searchApi/v2/url/report/?url=x")]
    [InlineData("searchApi/v1/api.php?type=domain&query=aoldaily.com")]
    [InlineData("domain.php?domain=aoldaily.com")]
    public async Task Anything_else_is_not_found(string path)
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Root, path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_addresses_end_with_a_slash_and_point_at_the_api()
    {
        await using var server = await StandInHost.StartAsync();

        server.Root.ToString().ShouldMatch(@"^http://127\.0\.0\.1:\d+/$");
        server.ApiBaseUrl.ShouldBe(new Uri(server.Root, "searchApi/v2/"));
        server.Root.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Two_servers_listen_on_different_free_ports()
    {
        await using var first = await StandInHost.StartAsync();
        await using var second = await StandInHost.StartAsync();

        first.Root.Port.ShouldNotBe(second.Root.Port);
    }
}
