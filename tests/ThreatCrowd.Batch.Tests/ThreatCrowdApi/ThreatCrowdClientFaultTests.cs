using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Bodies and connections the live service got wrong, replayed by the stand-in, and how the client classifies them.</summary>
public sealed class ThreatCrowdClientFaultTests
{
    [Fact]
    public async Task A_challenge_page_with_status_200_is_transient_and_unreachable()
    {
        (await FaultedLookup.RunAsync(StandInFault.HtmlPage()))
            .ShouldBe(LookupResult.TransientFailure("HTML page instead of JSON: \"Just a moment...\"", unreachable: true));
    }

    [Fact]
    public async Task An_empty_body_is_transient()
    {
        (await FaultedLookup.RunAsync(StandInFault.EmptyBody())).ShouldBe(LookupResult.TransientFailure("empty body"));
    }

    [Fact]
    public async Task A_database_overload_notice_is_transient()
    {
        (await FaultedLookup.RunAsync(StandInFault.TooManyConnections()))
            .ShouldBe(LookupResult.TransientFailure("server overloaded: Too many connections"));
    }

    [Fact]
    public async Task A_truncated_answer_is_transient_malformed_JSON()
    {
        var result = await FaultedLookup.RunAsync(StandInFault.Truncated());

        result.Transient.ShouldBeTrue();
        result.Unreachable.ShouldBeFalse();
        result.FailureReason.ShouldStartWith("malformed JSON: ");
    }

    [Fact]
    public async Task An_array_body_is_an_unexpected_shape()
    {
        (await FaultedLookup.RunAsync(StandInFault.Body("[1,2]")))
            .ShouldBe(LookupResult.TransientFailure("unexpected JSON shape: array instead of an object"));
    }

    [Fact]
    public async Task A_dropped_connection_is_transient_and_unreachable()
    {
        var result = await FaultedLookup.RunAsync(StandInFault.Reset());

        result.Answer.ShouldBeNull();
        result.Transient.ShouldBeTrue();
        result.Unreachable.ShouldBeTrue();
        result.FailureReason.ShouldStartWith("connection reset by 127.0.0.1:");
    }

    [Fact]
    public async Task A_delay_past_the_client_timeout_is_a_timeout_failure()
    {
        (await FaultedLookup.RunAsync(StandInFault.Delay(TimeSpan.FromSeconds(2)), TimeSpan.FromMilliseconds(300)))
            .ShouldBe(LookupResult.TransientFailure("no answer within 0.3 s", unreachable: true));
    }

    [Fact]
    public async Task A_delay_within_the_client_timeout_is_answered()
    {
        var result = await FaultedLookup.RunAsync(StandInFault.Delay(TimeSpan.FromMilliseconds(100)), TimeSpan.FromSeconds(10));

        result.Answer.ShouldNotBeNull().Found.ShouldBeTrue();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_body_declared_compressed_that_is_not_is_a_transient_failure_with_a_reason(string encoding)
    {
        var result = await FaultedLookup.RunAsync(StandInFault.BadCompression(encoding));

        result.Answer.ShouldBeNull();
        result.Transient.ShouldBeTrue();
        result.Unreachable.ShouldBeFalse();
        result.FailureReason.ShouldStartWith($"unreadable answer from 127.0.0.1:");
        result.FailureReason.ShouldContain("body not validly compressed");
    }

    [Fact]
    public async Task After_a_fault_the_next_lookup_is_answered_normally()
    {
        await using var server = await StandInHost.StartAsync();
        server.Faults.Enqueue(StandInFault.Html503());
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        var first = await client.LookupAsync(FaultedLookup.Aoldaily, CancellationToken.None);
        var second = await client.LookupAsync(FaultedLookup.Aoldaily, CancellationToken.None);

        first.Unreachable.ShouldBeTrue();
        second.Answer.ShouldNotBeNull().Found.ShouldBeTrue();
        server.Requests.Count.ShouldBe(2);
    }
}
