using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Votes;

/// <summary>The vote command against the stand-in: encoding, --confirm, once only, refusals, shared pacing.</summary>
public sealed class VoteCommandTests
{
    [Fact]
    public async Task Without_confirm_it_lists_each_vote_with_its_encoding_and_sends_nothing()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.Dir.Write("votes.csv", "indicator,verdict\naoldaily.com,malicious\ngoogle.com,not_malicious\n");

        var result = await Vote(harness, "--input", file);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("would send    vote=0 malicious     domain aoldaily.com");
        result.Output.ShouldContain("would send    vote=1 not_malicious domain google.com");
        result.Output.ShouldContain("Add --confirm");
        VoteQueries(harness).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_confirm_malicious_is_sent_as_vote_0_and_not_malicious_as_vote_1()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.Dir.Write("votes.csv", "aoldaily.com,malicious\n188.40.75.132,Not Malicious\n");

        var result = await Vote(harness, "--input", file, "--confirm");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        VoteQueries(harness).ShouldBe(["?vote=0&value=aoldaily.com", "?vote=1&value=188.40.75.132"]);
    }

    [Fact]
    public async Task A_vote_already_sent_is_not_sent_again_and_the_listing_says_so_but_a_changed_verdict_is_a_new_vote()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var first = harness.Dir.Write("first.csv", "aoldaily.com,malicious\naoldaily.com,malicious\n");
        (await Vote(harness, "--input", first, "--confirm")).Exit.ShouldBe(ExitCodes.Ok);

        var listing = await Vote(harness, "--input", first);
        var again = await Vote(harness, "--input", first, "--confirm");
        var changed = await Vote(harness, "--input", harness.Dir.Write("changed.csv", "aoldaily.com,not_malicious\n"), "--confirm");

        listing.Output.ShouldContain("already sent  vote=0 malicious     domain aoldaily.com");
        again.Output.ShouldContain("no vote is pending.");
        changed.Exit.ShouldBe(ExitCodes.Ok, changed.ToString());
        VoteQueries(harness).ShouldBe(["?vote=0&value=aoldaily.com", "?vote=1&value=aoldaily.com"]);
    }

    [Fact]
    public async Task Values_the_api_must_never_see_and_unknown_verdicts_are_reported_with_file_and_line_and_never_sent()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.Dir.Write("votes.csv", "indicator,verdict\n10.0.0.1,malicious\ncorp.example.org,malicious\naoldaily.com,evil\ngoogle.com,malicious\n");

        var result = await Vote(harness, "--input", file, "--confirm", "--Lookup:Exclude:0=corp.example.org");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldContain($"{file}:2: not sent: \"10.0.0.1\"");
        result.Error.ShouldContain($"{file}:3: not sent: \"corp.example.org\": excluded by Lookup:Exclude");
        result.Error.ShouldContain($"{file}:4: not sent: \"aoldaily.com\": verdict \"evil\"");
        VoteQueries(harness).ShouldBe(["?vote=0&value=google.com"]);
    }

    [Fact]
    public async Task A_vote_right_after_a_lookup_run_waits_out_the_rest_of_the_request_interval()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var input = harness.Dir.Write("in.csv", "indicator\naoldaily.com\n");
        (await harness.RunAsync("run", "--input", input)).Exit.ShouldBe(ExitCodes.Ok);

        var result = await Vote(harness, "--input", harness.Dir.Write("votes.csv", "google.com,not_malicious\n"), "--confirm");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var lookup = harness.Server.Requests.Last(r => r.Path.Contains("/report", StringComparison.Ordinal)).At;
        var vote = harness.Server.Requests.Single(r => r.Path == "/vote.php").At;
        (vote - lookup).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_refused_vote_is_not_sent_again_but_one_the_service_failed_on_to_the_last_attempt_is_sent_by_the_next_vote_run()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.Dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n");
        harness.Server.Faults.Enqueue(StandInFault.Status(403));
        harness.Server.Faults.Enqueue(StandInFault.Status(503));

        var first = await Vote(harness, "--input", file, "--confirm", "--ThreatCrowd:MaxAttempts=1");
        var second = await Vote(harness, "--input", file, "--confirm");
        var status = await harness.RunAsync("status");

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        first.Error.ShouldContain("refused: HTTP 403");
        first.Error.ShouldContain("not acknowledged, sent again next time: HTTP 503");
        second.Exit.ShouldBe(ExitCodes.Ok, second.ToString());
        VoteQueries(harness).ShouldBe(["?vote=0&value=aoldaily.com", "?vote=1&value=google.com", "?vote=1&value=google.com"]);
        status.Output.ShouldContain("votes: 0 pending, 1 sent, 1 failed");
    }

    [Fact]
    public async Task Status_counts_the_votes_sent_and_refused()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var file = harness.Dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n");
        (await Vote(harness, "--input", file, "--confirm")).Exit.ShouldBe(ExitCodes.Ok);

        var status = await harness.RunAsync("status");

        status.Output.ShouldContain("votes: 0 pending, 2 sent, 0 failed");
    }

    [Fact]
    public async Task Vote_without_an_input_is_a_usage_error()
    {
        await using var harness = await PipelineHarness.StartAsync();

        (await Vote(harness, "--confirm")).Exit.ShouldBe(ExitCodes.BadUsage);
    }

    private static Task<RunOutput> Vote(PipelineHarness harness, params string[] args) =>
        harness.RunAsync("vote", ["--ThreatCrowd:VoteUrl=" + new Uri(harness.Server.Root, "vote.php"), .. args]);

    private static List<string> VoteQueries(PipelineHarness harness) =>
        harness.Server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.Query).ToList();
}
