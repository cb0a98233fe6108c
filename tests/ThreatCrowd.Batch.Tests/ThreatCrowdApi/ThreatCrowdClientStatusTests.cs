using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Status codes other than 200, from a real stand-in, and how the client classifies them.</summary>
public sealed class ThreatCrowdClientStatusTests
{
    [Fact]
    public async Task An_nginx_503_page_is_transient_and_unreachable()
    {
        (await FaultedLookup.RunAsync(StandInFault.Html503()))
            .ShouldBe(LookupResult.TransientFailure("HTTP 503 Service Temporarily Unavailable", unreachable: true));
    }

    [Fact]
    public async Task A_500_is_transient_and_unreachable()
    {
        (await FaultedLookup.RunAsync(StandInFault.Status(500, "oops")))
            .ShouldBe(LookupResult.TransientFailure("HTTP 500 Internal Server Error", unreachable: true));
    }

    [Theory]
    [InlineData(429, "HTTP 429 Too Many Requests")]
    [InlineData(408, "HTTP 408 Request Timeout")]
    public async Task Throttling_and_request_timeouts_are_transient_but_say_nothing_about_reachability(int status, string reason)
    {
        (await FaultedLookup.RunAsync(StandInFault.Status(status))).ShouldBe(LookupResult.TransientFailure(reason));
    }

    [Theory]
    [InlineData(404, "HTTP 404 Not Found")]
    [InlineData(403, "HTTP 403 Forbidden")]
    [InlineData(400, "HTTP 400 Bad Request")]
    [InlineData(301, "HTTP 301 Moved Permanently")]
    public async Task Other_client_errors_and_unfollowed_redirects_are_permanent(int status, string reason)
    {
        (await FaultedLookup.RunAsync(StandInFault.Status(status))).ShouldBe(LookupResult.PermanentFailure(reason));
    }
}
