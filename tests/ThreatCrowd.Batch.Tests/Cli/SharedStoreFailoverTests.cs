using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// Two real hosts (processes) on one PostgreSQL store, each running <c>schedule</c>: the one running the batch is
/// killed hard in the middle of it, and the other finishes the queue. At the strict stand-in every indicator is
/// asked, none more than twice, and no request arrives sooner than the interval after the one before, whichever
/// host sent it.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class SharedStoreFailoverTests(PostgresCluster cluster)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task When_the_host_running_the_batch_is_killed_the_other_host_finishes_the_queue_at_the_one_pace()
    {
        using var dir = new TempDirectory();
        var arrivals = dir.File("arrivals.txt");
        await using var server = await StrictServer.StartAsync(Interval, arrivals);
        var values = Enumerable.Range(1, 16).Select(i => $"host{i:00}-failover.net").ToList();
        var input = dir.Write("in.csv", "domain\n" + string.Join('\n', values) + "\n");

        // The secret travels as the operators' units carry it: in the environment, never on the command line.
        var environment = new Dictionary<string, string> { ["TCB_Store__ConnectionString"] = await cluster.CreateDatabaseAsync() };
        string[] settings =
        [
            "--Store:Provider=postgres", "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:00.500",
            "--Sources:DefaultFeeds=false", "--Store:ClaimLease=00:00:03", "--Schedule:ClusterCheckinInterval=00:00:01",
            "--Schedule:Cron=0/5 * * * * ?",
        ];
        using (var import = ProgramProcess.Start(dir.Path, environment, ["import", "--input", input, .. settings]))
        {
            (await import.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, import.Output + import.Error);
        }

        using var a = ProgramProcess.Start(dir.Path, environment, ["schedule", .. settings, "--Output:Directory=" + dir.File("out-a")]);
        await Until(() => Asked(server).Count >= 1, TimeSpan.FromSeconds(60), a);
        using var b = ProgramProcess.Start(dir.Path, environment, ["schedule", .. settings, "--Output:Directory=" + dir.File("out-b")]);
        await b.WaitForOutputAsync("started with", TimeSpan.FromSeconds(60));
        await Until(() => Asked(server).Count >= 5, TimeSpan.FromSeconds(60), a);

        a.KillHard();
        await Until(() => values.All(Asked(server).Contains), TimeSpan.FromSeconds(120), b);
        b.Signal(15);
        (await b.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, b.Output + b.Error);

        var asked = Asked(server);
        var report = $"arrivals:\n{File.ReadAllText(arrivals)}\n--- host a\n{a.Output}{a.Error}\n--- host b\n{b.Output}{b.Error}";
        asked.Distinct().ShouldBe(values, ignoreOrder: true, report);
        asked.GroupBy(v => v).Where(g => g.Count() > 2).ShouldBeEmpty(report);
        StrictServer.Arrivals(arrivals).ShouldAllBe(x => !x.TurnedAway, report);
        StrictServer.SmallestGapMs(arrivals).ShouldBeGreaterThanOrEqualTo(Interval.TotalMilliseconds, report);
        b.Output.ShouldContain("looking up", Case.Sensitive, "the other host ran the batch: " + report);

        using var status = ProgramProcess.Start(dir.Path, environment, ["status", .. settings]);
        (await status.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, status.Output + status.Error);
        status.Output.ShouldContain("indicators: 16 ");
        (status.Output + status.Error + a.Output + a.Error + b.Output + b.Error).ShouldNotContain(cluster.Password);
        Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tgz", StringComparison.Ordinal))
            .ShouldAllBe(f => !File.ReadAllText(f).Contains(cluster.Password), "no table or file written holds the password");
    }

    /// <summary>The values asked of the API, with repeats, in arrival order.</summary>
    private static List<string> Asked(StandInServer server) =>
        server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal))
            .Select(r => Uri.UnescapeDataString(r.Query[(r.Query.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();

    private static async Task Until(Func<bool> done, TimeSpan within, ProgramProcess watched)
    {
        var deadline = DateTime.UtcNow + within;
        while (!done())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"not within {within}\n--- stdout\n{watched.Output}\n--- stderr\n{watched.Error}");
            await Task.Delay(50);
        }
    }
}
