using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// The real program against a stand-in that counts arrivals as a strict server-side limiter does (429 with
/// Retry-After to any request arriving sooner than the interval after the previous one): through hard kills, under
/// the schedule, and with a vote run right after a lookup run, the server turns nothing away.
/// </summary>
[Collection(TimedProcesses.Name)]
public sealed class ServerRateLimitTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task Hard_kills_at_random_moments_and_restarts_never_reach_the_server_early()
    {
        using var dir = new TempDirectory();
        await using var server = await StrictServer.StartAsync(Interval, dir.File("arrivals.txt"));
        dir.Write("in.csv", "indicator\naoldaily.com\n188.40.75.132\ngoogle.com\n" + string.Join('\n', Enumerable.Range(0, 17).Select(i => $"host{i}.unknown-{i}.org")) + "\n");
        string[] args = ["run", "--input", "in.csv", "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, $"--ThreatCrowd:RequestInterval={Interval:c}"];

        var random = new Random(12);
        var kills = 0;
        for (var attempt = 0; kills < 4 && attempt < 12; attempt++)
        {
            using var program = ProgramProcess.Start(dir.Path, args);
            // Start-up takes about half a second: most kills land in a pacer's wait or in a request.
            await Task.Delay(random.Next(400, 1400));
            if (!program.HasExited)
            {
                program.KillHard();
                kills++;
            }

            await program.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var last = await ProgramProcess.RunAsync(dir.Path, args);

        last.Exit.ShouldBe(ExitCodes.Ok, last.Output + last.Error);
        kills.ShouldBe(4, "each kill must land on a running process");
        StrictServer.Arrivals(dir.File("arrivals.txt")).Where(a => a.TurnedAway).ShouldBeEmpty();
        StrictServer.SmallestGapMs(dir.File("arrivals.txt")).ShouldBeGreaterThanOrEqualTo(Interval.TotalMilliseconds);
        server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).Select(r => r.Query).Distinct().Count().ShouldBe(20);
    }

    [Fact]
    public async Task Runs_started_by_schedule_triggers_never_reach_the_server_early()
    {
        using var dir = new TempDirectory();
        await using var server = await StrictServer.StartAsync(Interval, dir.File("arrivals.txt"));
        dir.Write("in.csv", "indicator\naoldaily.com\n188.40.75.132\ngoogle.com\n");
        // A trigger every two seconds, and every answer due again at once: each run asks all three again.
        using var program = ProgramProcess.Start(dir.Path, "schedule", "--Sources:CsvFiles:0=in.csv", "--Store:Path=store.db", "--Output:Directory=out",
            "--Sources:DefaultFeeds=false", "--Schedule:Cron=0/2 * * * * ?", "--Lookup:RefreshAfter=00:00:00",
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, $"--ThreatCrowd:RequestInterval={Interval:c}");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (server.Requests.Count(r => r.Path.Contains("/report", StringComparison.Ordinal)) < 9 && DateTime.UtcNow < deadline && !program.HasExited)
        {
            await Task.Delay(100);
        }

        program.Signal(15);
        await program.WaitForExitAsync(TimeSpan.FromSeconds(15));

        server.Requests.Count(r => r.Path.Contains("/report", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(9, program.Output + program.Error);
        StrictServer.Arrivals(dir.File("arrivals.txt")).Where(a => a.TurnedAway).ShouldBeEmpty(program.Output + program.Error);
        StrictServer.SmallestGapMs(dir.File("arrivals.txt")).ShouldBeGreaterThanOrEqualTo(Interval.TotalMilliseconds);
    }

    [Fact]
    public async Task A_vote_run_right_after_a_lookup_run_never_reaches_the_server_early()
    {
        using var dir = new TempDirectory();
        await using var server = await StrictServer.StartAsync(Interval, dir.File("arrivals.txt"));
        dir.Write("in.csv", "indicator\naoldaily.com\n188.40.75.132\ngoogle.com\n");
        dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n188.40.75.132,malicious\n");
        string[] common = ["--Store:Path=store.db", "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:VoteUrl=" + new Uri(server.Root, "vote.php"),
            $"--ThreatCrowd:RequestInterval={Interval:c}"];

        var lookups = await ProgramProcess.RunAsync(dir.Path, ["run", "--input", "in.csv", "--Output:Directory=out", "--Sources:DefaultFeeds=false", .. common]);
        var votes = await ProgramProcess.RunAsync(dir.Path, ["vote", "--input", "votes.csv", "--confirm", .. common]);

        lookups.Exit.ShouldBe(ExitCodes.Ok, lookups.Output + lookups.Error);
        votes.Exit.ShouldBe(ExitCodes.Ok, votes.Output + votes.Error);
        var arrivals = StrictServer.Arrivals(dir.File("arrivals.txt"));
        arrivals.Count.ShouldBe(6);
        arrivals.Where(a => a.TurnedAway).ShouldBeEmpty();
        StrictServer.SmallestGapMs(dir.File("arrivals.txt")).ShouldBeGreaterThanOrEqualTo(Interval.TotalMilliseconds);
    }
}
