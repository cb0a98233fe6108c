using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Votes;

/// <summary>
/// Votes go through the lookups' request loop: the same back-off between retries, the same pause on Retry-After, the
/// same early stop with the same message when the service is down.
/// </summary>
public sealed class VoteRequestLoopTests
{
    [Fact]
    public async Task Votes_against_a_dead_service_stop_after_unreachable_after_requests_with_the_lookups_message()
    {
        await using var lookups = await PipelineHarness.StartAsync();
        await using var votes = await PipelineHarness.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            lookups.Server.Faults.Enqueue(StandInFault.Status(503));
            votes.Server.Faults.Enqueue(StandInFault.Status(503));
        }

        var lookup = await lookups.RunAsync("run", "--input", lookups.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n"), "--ThreatCrowd:UnreachableAfter=3");
        var vote = await Vote(votes, "--input", votes.Dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n"), "--confirm", "--ThreatCrowd:UnreachableAfter=3");

        const string Stop = "error: the service did not answer 3 requests in a row (last: HTTP 503 Service Unavailable); stopping early. Nothing answered is lost and the rest stays due: check ";
        lookup.Exit.ShouldBe(ExitCodes.Unreachable, lookup.ToString());
        vote.Exit.ShouldBe(ExitCodes.Unreachable, vote.ToString());
        lookup.Error.ShouldContain(Stop + "ThreatCrowd:BaseUrl and the network, then run 'resume'.");
        vote.Error.ShouldContain(Stop + "ThreatCrowd:VoteUrl and the network, then run the vote again.");
        VoteQueries(votes).ShouldBe(["?vote=0&value=aoldaily.com", "?vote=0&value=aoldaily.com", "?vote=0&value=aoldaily.com"], "retried, then stopped");
        (await votes.RunAsync("status")).Output.ShouldContain("votes: 2 pending, 0 sent, 0 failed");
    }

    [Fact]
    public async Task A_vote_the_service_failed_on_is_sent_again_after_the_lookups_back_off()
    {
        await using var h = await PipelineHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            h.Server.Faults.Enqueue(StandInFault.Status(503));
        }

        var result = await Vote(h, "--input", h.Dir.Write("votes.csv", "aoldaily.com,malicious\n"), "--confirm", "--ThreatCrowd:RequestInterval=00:00:10");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("voted malicious (vote=0) domain aoldaily.com: HTTP 200");
        var starts = VoteStarts(h);
        starts.Count.ShouldBe(4);
        for (var i = 1; i < starts.Count; i++)
        {
            var backoff = TimeSpan.FromSeconds(10 * Math.Pow(2, i - 1));
            var gap = starts[i] - starts[i - 1];
            gap.ShouldBeGreaterThanOrEqualTo(backoff, $"retry {i}");
            gap.ShouldBeLessThanOrEqualTo(backoff * 1.2 + TimeSpan.FromMilliseconds(1), $"retry {i}: jitter is at most 20 %");
        }
    }

    [Fact]
    public async Task Retry_after_on_a_vote_holds_back_its_retry_and_a_pause_beyond_max_pause_ends_the_vote_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var file = h.Dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(429, "45"));

        var waited = await Vote(h, "--input", file, "--confirm", "--ThreatCrowd:RequestInterval=00:00:10");
        var starts = VoteStarts(h);
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(503, "7200"));
        var paused = await Vote(h, "--input", h.Dir.Write("more.csv", "188.40.75.132,malicious\n"), "--confirm");

        waited.Exit.ShouldBe(ExitCodes.Ok, waited.ToString());
        (starts[1] - starts[0]).ShouldBe(TimeSpan.FromSeconds(45), "the retry waits the pause, not its own back-off of 10-12 s");
        (starts[2] - starts[1]).ShouldBe(TimeSpan.FromSeconds(10));
        paused.Exit.ShouldBe(ExitCodes.Paused, paused.ToString());
        paused.Error.ShouldContain("longer than ThreatCrowd:MaxPause (1 h 0 min); stopping. Nothing answered is lost and the rest stays due: run the vote again after the pause.");
        starts.Count.ShouldBe(3);
        VoteStarts(h).Count.ShouldBe(4, "no retry while the pause is in force");
    }

    private static Task<RunOutput> Vote(PipelineHarness harness, params string[] args) =>
        harness.RunAsync("vote", ["--ThreatCrowd:VoteUrl=" + new Uri(harness.Server.Root, "vote.php"), .. args]);

    private static List<string> VoteQueries(PipelineHarness harness) =>
        harness.Server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.Query).ToList();

    private static List<DateTimeOffset> VoteStarts(PipelineHarness harness) =>
        harness.Server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.At).ToList();
}
