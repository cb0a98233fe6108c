using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// The verbs besides the pipeline's golden run, each on the SQLite file and on PostgreSQL with the same steps: what
/// the operator reads and what the service is asked must not depend on the store.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class EveryVerbOnBothStoresTests(PostgresCluster cluster)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Status_after_a_limited_run_shows_the_counts_the_failures_what_is_next_and_the_runs(string store)
    {
        await using var h = await StartAsync(store);
        var input = h.Dir.Write("in.csv", "indicator\naoldaily.com\nnothing.example-none.org\nsecond.example-none.org\nthird.example-none.org\n10.0.0.1\n");
        h.Server.Faults.Enqueue(StandInFault.Status(404));
        (await h.RunAsync("run", "--input", input, "--max-lookups", "2")).Exit.ShouldBe(ExitCodes.Ok);

        var status = await h.RunAsync("status", "--Lookup:StopAt=06:00");

        status.Exit.ShouldBe(ExitCodes.Ok, status.ToString());
        var lines = status.Output.Split('\n');
        status.Output.ShouldContain("indicators: 4 (failed 1, not found 1, pending 2)");
        status.Output.ShouldContain("rejects: 1");
        status.Output.ShouldContain("due now: 2 indicators, about 20 s of lookups at one request every 10 s");
        lines.ShouldContain("  domain second.example-none.org (never asked)");
        status.Output.ShouldContain("HTTP 404 Not Found (e.g. domain aoldaily.com)");
        status.Output.ShouldContain("limit_reached: looked up 2 of 4 due (found 0, not found 1, failed 1)");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Resume_asks_what_the_limited_run_left_in_the_same_order_and_nothing_twice(string store)
    {
        await using var h = await StartAsync(store);
        var input = h.Dir.Write("in.csv", "indicator\naoldaily.com\ngoogle.com\n188.40.75.132\nfirst.example-none.org\n");
        (await h.RunAsync("run", "--input", input, "--max-lookups", "2")).Exit.ShouldBe(ExitCodes.Ok);

        var resumed = await h.RunAsync("resume");

        resumed.Exit.ShouldBe(ExitCodes.Ok, resumed.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com", "google.com", "188.40.75.132", "first.example-none.org"]);
        (await h.RunAsync("resume")).Output.ShouldContain("nothing to resume: nothing is due.");
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Votes_are_sent_once_and_a_changed_verdict_is_a_new_vote(string store)
    {
        await using var h = await StartAsync(store);
        var first = h.Dir.Write("first.csv", "aoldaily.com,malicious\naoldaily.com,malicious\n");
        var voteUrl = "--ThreatCrowd:VoteUrl=" + new Uri(h.Server.Root, "vote.php");
        (await h.RunAsync("vote", voteUrl, "--input", first, "--confirm")).Exit.ShouldBe(ExitCodes.Ok);

        var again = await h.RunAsync("vote", voteUrl, "--input", first, "--confirm");
        var changed = await h.RunAsync("vote", voteUrl, "--input", h.Dir.Write("changed.csv", "aoldaily.com,not_malicious\n"), "--confirm");

        again.Output.ShouldContain("no vote is pending.");
        changed.Exit.ShouldBe(ExitCodes.Ok, changed.ToString());
        h.Server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.Query).ShouldBe(["?vote=0&value=aoldaily.com", "?vote=1&value=aoldaily.com"]);
        (await h.RunAsync("status")).Output.ShouldContain("votes: 0 pending, 2 sent, 0 failed");
    }

    private async Task<PipelineHarness> StartAsync(string store) =>
        await PipelineHarness.StartAsync(store == "postgres" ? await cluster.CreateDatabaseAsync() : null);
}
