using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.Votes;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Votes;

public sealed class VoteClientTests
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_vote_reply_whose_body_is_not_validly_compressed_is_judged_by_its_status_alone(string encoding)
    {
        await using var server = await StandInHost.StartAsync();
        server.Faults.Enqueue(StandInFault.BadCompression(encoding));
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");

        var result = await new VoteClient(http, new Uri(server.Root, "vote.php"))
            .SendAsync(new Indicator(IndicatorType.Domain, "aoldaily.com"), Verdict.Malicious, CancellationToken.None);

        result.ShouldBe(new VoteResult(200, null, false, false));
        server.Faults.Pending.ShouldBe(0);
    }
}
