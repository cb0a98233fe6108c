using System.Globalization;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>A server's Retry-After (on 429 and 503) pauses the whole client, within ThreatCrowd:MaxPause and the run window.</summary>
public sealed class ServerPauseTests
{
    [Fact]
    public async Task Retry_after_seconds_on_a_429_holds_back_the_next_request_of_any_indicator()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(429, "45"));

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:RequestInterval=00:00:10");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var starts = ReportStarts(h);
        starts.Count.ShouldBe(3);
        (starts[1] - starts[0]).ShouldBe(TimeSpan.FromSeconds(45), "the retry waits the pause, not its own back-off of 10-12 s");
        (starts[2] - starts[1]).ShouldBe(TimeSpan.FromSeconds(10));
        h.Table("threatcrowd_indicators.csv").ShouldContain("aoldaily.com,domain,found");
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_on_a_503_pauses_until_that_date()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        var until = h.Clock.GetUtcNow().AddMinutes(3);
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(503, until.ToString("R", CultureInfo.InvariantCulture)));

        (await h.RunAsync("run", "--input", input)).Exit.ShouldBe(ExitCodes.Ok);

        ReportStarts(h)[^1].ShouldBe(until);
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_as_before()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        h.Server.Faults.Enqueue(StandInFault.Status(429));

        (await h.RunAsync("run", "--input", input, "--ThreatCrowd:RequestInterval=00:00:10")).Exit.ShouldBe(ExitCodes.Ok);

        var starts = ReportStarts(h);
        (starts[1] - starts[0]).ShouldBeInRange(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task A_pause_longer_than_max_pause_ends_the_run_everything_due_and_holds_back_the_next_run_until_it_ends()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(503, "7200"));

        var paused = await h.RunAsync("run", "--input", input);
        var status = await h.RunAsync("status");
        var tooSoon = await h.RunAsync("resume");

        paused.Exit.ShouldBe(ExitCodes.Paused, paused.ToString());
        paused.Error.ShouldContain("longer than ThreatCrowd:MaxPause (1 h 0 min)");
        paused.Output.ShouldContain("run #1 paused");
        paused.Output.ShouldContain("2 still due");
        status.Output.ShouldContain("paused: the service asked for no request before 2026-11-22 03:00:00 UTC, 2 h 0 min from now (HTTP 503");
        tooSoon.Exit.ShouldBe(ExitCodes.Paused, tooSoon.ToString());
        ReportStarts(h).Count.ShouldBe(1, "no request while the pause is in force");

        h.Clock.Advance(TimeSpan.FromMinutes(90));
        var afterCap = await h.RunAsync("resume");
        afterCap.Exit.ShouldBe(ExitCodes.Ok, afterCap.ToString());
        ReportStarts(h)[1].ShouldBe(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), "a pause within the cap is waited out");
    }

    [Fact]
    public async Task A_pause_past_the_end_of_the_run_window_ends_the_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(429, "600"));

        var result = await h.RunAsync("run", "--input", input, "--until", "01:05");

        result.Exit.ShouldBe(ExitCodes.Paused, result.ToString());
        result.Error.ShouldContain("past the end of the run window at 2026-11-22 01:05 UTC");
        ReportStarts(h).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_pause_asked_for_by_a_vote_holds_back_its_retry_and_the_next_vote()
    {
        await using var h = await PipelineHarness.StartAsync();
        var votes = h.Dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(429, "30"));

        var result = await h.RunAsync("vote", "--input", votes, "--confirm", "--ThreatCrowd:VoteUrl=" + new Uri(h.Server.Root, "vote.php"),
            "--ThreatCrowd:RequestInterval=00:00:10");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var starts = h.Server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.At).ToList();
        starts.Count.ShouldBe(3);
        (starts[1] - starts[0]).ShouldBe(TimeSpan.FromSeconds(30));
        (starts[2] - starts[1]).ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_pause_a_lookup_run_could_not_wait_out_ends_a_vote_run_started_after_it_before_any_vote_is_sent()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        var votes = h.Dir.Write("votes.csv", "aoldaily.com,malicious\n");
        h.Server.Faults.Enqueue(StandInFault.StatusRetryAfter(429, "7200"));

        var lookups = await h.RunAsync("run", "--input", input);
        var vote = await h.RunAsync("vote", "--input", votes, "--confirm", "--ThreatCrowd:VoteUrl=" + new Uri(h.Server.Root, "vote.php"));

        lookups.Exit.ShouldBe(ExitCodes.Paused, lookups.ToString());
        vote.Exit.ShouldBe(ExitCodes.Paused, vote.ToString());
        vote.Output.ShouldContain("0 sent, 1 pending");
        h.Server.Requests.ShouldNotContain(r => r.Path == "/vote.php");
    }

    private static List<DateTimeOffset> ReportStarts(PipelineHarness h) =>
        h.Server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).Select(r => r.At).ToList();
}
