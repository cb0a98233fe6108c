using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>The client against a real stand-in on loopback: what it sends and what it makes of normal answers.</summary>
public sealed class ThreatCrowdClientTests
{
    private const string UserAgent = "ThreatCrowd.Batch/1.0 (+tests)";

    [Fact]
    public async Task A_known_indicator_is_answered_with_the_parsed_fixture()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, UserAgent);
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        var result = await client.LookupAsync(new Indicator(IndicatorType.Domain, "aoldaily.com"), CancellationToken.None);

        result.FailureReason.ShouldBeNull();
        var answer = result.Answer.ShouldNotBeNull();
        answer.Found.ShouldBeTrue();
        answer.RawBody.ShouldBe(Fixtures.Read("domain_aoldaily.com.json"));
        answer.Relations.Count.ShouldBe(10);
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_not_found_answer()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, UserAgent);
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        var result = await client.LookupAsync(new Indicator(IndicatorType.Ip, "192.0.2.1"), CancellationToken.None);

        result.ShouldBe(LookupResult.Answered(new LookupAnswer(false, null, null, null, null, result.Answer!.Relations, """{"response_code":"0"}""")));
        result.Answer.Relations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("domain", "aoldaily.com", "/searchApi/v2/domain/report/", "?domain=aoldaily.com")]
    [InlineData("ip", "188.40.75.132", "/searchApi/v2/ip/report/", "?ip=188.40.75.132")]
    [InlineData("email", "william19770319@yahoo.com", "/searchApi/v2/email/report/", "?email=william19770319%40yahoo.com")]
    [InlineData("antivirus", "plugx", "/searchApi/v2/antivirus/report/", "?antivirus=plugx")]
    [InlineData("file", "ec8c89aa5e521572c74e2dd02a4daf78", "/searchApi/v2/file/report/", "?resource=ec8c89aa5e521572c74e2dd02a4daf78")]
    public async Task Each_type_is_asked_once_at_its_own_endpoint(string typeName, string value, string path, string query)
    {
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, UserAgent);
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        var result = await client.LookupAsync(new Indicator(TypeNamed(typeName), value), CancellationToken.None);

        result.Answer.ShouldNotBeNull().Found.ShouldBeTrue();
        var request = server.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe(path);
        request.Query.ShouldBe(query);
    }

    [Fact]
    public async Task The_configured_user_agent_is_sent()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, UserAgent);
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        await client.LookupAsync(new Indicator(IndicatorType.Antivirus, "plugx"), CancellationToken.None);

        server.Requests.ShouldHaveSingleItem().UserAgent.ShouldBe(UserAgent);
    }

    [Fact]
    public async Task An_explicit_proxy_carries_requests_for_a_host_that_does_not_resolve()
    {
        await using var proxy = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy.Root.ToString(), UserAgent);
        var client = new ThreatCrowdClient(http, new Uri("http://www.threatcrowd.invalid/searchApi/v2/"));

        var result = await client.LookupAsync(new Indicator(IndicatorType.Domain, "aoldaily.com"), CancellationToken.None);

        result.Answer.ShouldNotBeNull().Found.ShouldBeTrue();
        proxy.Requests.ShouldHaveSingleItem().Path.ShouldBe("/searchApi/v2/domain/report/");
    }

    [Fact]
    public async Task A_cancelled_lookup_throws_instead_of_reporting_a_failure()
    {
        await using var server = await StandInHost.StartAsync();
        server.Faults.Enqueue(ThreatCrowd.StandIn.StandInFault.Delay(TimeSpan.FromSeconds(5)));
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, UserAgent);
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(
            () => client.LookupAsync(new Indicator(IndicatorType.Domain, "aoldaily.com"), cancel.Token));
    }

    private static IndicatorType TypeNamed(string name)
    {
        IndicatorTypeNames.TryParse(name, out var type).ShouldBeTrue();
        return type;
    }
}
