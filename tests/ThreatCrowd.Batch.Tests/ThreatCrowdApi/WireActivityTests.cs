using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>The client's connections report when a request went out and when its answer began to come back.</summary>
public sealed class WireActivityTests
{
    [Fact]
    public async Task The_answer_to_a_request_is_seen_to_start_after_the_request_was_written()
    {
        await using var server = await StandInHost.StartAsync();
        var wire = new WireActivity(TimeProvider.System);
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), null, "test/1.0", wire);
        var before = DateTimeOffset.UtcNow;
        wire.AnswerStartedSince(before).ShouldBeNull();

        await http.GetStringAsync(new Uri(server.ApiBaseUrl, "domain/report/?domain=aoldaily.com"));
        var after = DateTimeOffset.UtcNow;

        wire.WroteSince(before).ShouldBeTrue();
        var answered = wire.AnswerStartedSince(before).ShouldNotBeNull();
        answered.ShouldBeInRange(before, after);
        wire.AnswerStartedSince(after).ShouldBeNull("nothing was written since");
    }

    [Fact]
    public async Task A_request_whose_connection_was_cut_was_written_but_never_answered()
    {
        await using var server = await StandInHost.StartAsync();
        server.Faults.Enqueue(StandInFault.Reset());
        var wire = new WireActivity(TimeProvider.System);
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), null, "test/1.0", wire);
        var before = DateTimeOffset.UtcNow;

        await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(server.ApiBaseUrl, "domain/report/?domain=aoldaily.com")));

        wire.WroteSince(before).ShouldBeTrue();
        wire.AnswerStartedSince(before).ShouldBeNull();
    }
}
