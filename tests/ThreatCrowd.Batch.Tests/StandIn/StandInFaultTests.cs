using System.Diagnostics;
using System.Net;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.StandIn;

/// <summary>Queued faults replace the normal answer, one per report request, in order.</summary>
public sealed class StandInFaultTests
{
    private const string Aoldaily = "domain/report/?domain=aoldaily.com";

    [Fact]
    public async Task Faults_apply_one_per_report_request_in_the_order_queued_then_answers_are_normal()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();
        server.Faults.Enqueue(StandInFault.Status(500, "boom"));
        server.Faults.Enqueue(StandInFault.Body("[1,2]"));

        var statuses = new List<(HttpStatusCode, string)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(new Uri(server.ApiBaseUrl, Aoldaily));
            statuses.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        statuses.ShouldBe(
        [
            (HttpStatusCode.InternalServerError, "boom"),
            (HttpStatusCode.OK, "[1,2]"),
            (HttpStatusCode.OK, Fixtures.Read("domain_aoldaily.com.json")),
        ]);
        server.Faults.Pending.ShouldBe(0);
    }

    [Fact]
    public async Task The_503_fault_is_nginx_s_page_with_its_reason_phrase()
    {
        var (response, body) = await FaultedAsync(StandInFault.Html503());

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.ReasonPhrase.ShouldBe("Service Temporarily Unavailable");
        body.ShouldStartWith("<html><head><title>503 Service Temporarily Unavailable</title></head>");
    }

    [Fact]
    public async Task The_html_page_fault_is_a_challenge_page_with_status_200()
    {
        var (response, body) = await FaultedAsync(StandInFault.HtmlPage());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldStartWith("<!DOCTYPE html>");
        body.ShouldContain("<title>Just a moment...</title>");
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("overload", "Too many connections")]
    public async Task Body_faults_answer_200_with_their_body(string fault, string expected)
    {
        var (response, body) = await FaultedAsync(fault == "empty" ? StandInFault.EmptyBody() : StandInFault.TooManyConnections());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe(expected);
    }

    [Fact]
    public async Task The_truncated_fault_sends_the_first_half_of_the_real_answer()
    {
        var (response, body) = await FaultedAsync(StandInFault.Truncated());

        var full = Fixtures.Read("domain_aoldaily.com.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe(full[..(full.Length / 2)]);
    }

    [Fact]
    public async Task The_delay_fault_answers_normally_after_the_pause()
    {
        var watch = Stopwatch.StartNew();
        var (response, body) = await FaultedAsync(StandInFault.Delay(TimeSpan.FromMilliseconds(300)));

        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe(Fixtures.Read("domain_aoldaily.com.json"));
    }

    [Fact]
    public async Task The_bad_compression_fault_declares_an_encoding_its_body_does_not_have()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient(); // no automatic decompression: the raw body is seen
        server.Faults.Enqueue(StandInFault.BadCompression("gzip"));

        using var response = await http.GetAsync(new Uri(server.ApiBaseUrl, Aoldaily));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        (await response.Content.ReadAsStringAsync()).ShouldBe("this is not compressed at all");
    }

    [Fact]
    public async Task The_reset_fault_drops_the_connection_without_an_answer()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();
        server.Faults.Enqueue(StandInFault.Reset());

        await Should.ThrowAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.ApiBaseUrl, Aoldaily)));
        server.Requests.Count.ShouldBe(1);
    }

    private static async Task<(Reply Response, string Body)> FaultedAsync(StandInFault fault)
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();
        server.Faults.Enqueue(fault);
        using var response = await http.GetAsync(new Uri(server.ApiBaseUrl, Aoldaily));
        return (new Reply(response.StatusCode, response.ReasonPhrase), await response.Content.ReadAsStringAsync());
    }

    private sealed record Reply(HttpStatusCode StatusCode, string? ReasonPhrase);
}
