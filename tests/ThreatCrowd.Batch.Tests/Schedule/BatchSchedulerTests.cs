using Dapper;
using Microsoft.Data.Sqlite;
using Quartz;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Schedule;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Schedule;

/// <summary>The real Quartz scheduler with seconds-level cron expressions, against the stand-in and a real store.</summary>
public sealed class BatchSchedulerTests
{
    [Fact]
    public async Task A_trigger_fires_a_whole_run_and_the_next_fire_time_is_logged()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var options = Options(server, dir, "* * * * * ?", "aoldaily.com", "google.com");

        await RunSchedulerUntil(options, output, () => FinishedRuns(dir) >= 1);

        Query<long>(dir, "SELECT count(*) FROM answers").ShouldBe(2);
        var log = output.ToString();
        log.ShouldContain("schedule: started with \"* * * * * ?\" in UTC; next run at");
        log.ShouldContain("run ended: completed.");
        log.ShouldContain("schedule: next run at");
    }

    [Fact]
    public async Task A_trigger_that_fires_while_a_run_is_going_is_skipped_not_queued()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var slow = Options(server, dir, "* * * * * ?", [.. Enumerable.Range(0, 12).Select(i => $"s{i}.example-slow.org")], interval: "00:00:00.250");

        await RunSchedulerUntil(slow, output, () => FinishedRuns(dir) >= 1 && output.ToString().Contains("skipped", StringComparison.Ordinal));

        var log = output.ToString();
        log.ShouldContain("a run is still going, so this one is skipped.");
        log.ShouldNotContain("could not start", customMessage: "a second firing reached the job while a run held the store");
        FiringTimes(log, "a run is still going, so this one is skipped.").Intersect(FiringTimes(log, "starting a run.")).ShouldBeEmpty("a skipped firing ran later after all");
        RunsNeverOverlap(dir);
    }

    [Fact]
    public async Task The_nightly_trigger_drops_a_firing_during_its_own_run_and_leaves_a_misfire_alone()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var options = Options(server, dir, "0 0 1 * * ?", "aoldaily.com");
        var runs = new ScheduledRuns(options, TimeProvider.System, new RunConsole(TextWriter.Null, TextWriter.Null), CancellationToken.None);
        await using var factory = BatchSchedulerSetup.Build(runs, options.Schedule.Cron, TimeZoneInfo.Utc, TimeProvider.System, catchUp: false);
        var scheduler = await factory.GetScheduler();

        var nightly = (await scheduler.GetTrigger(BatchSchedulerSetup.Nightly)).ShouldNotBeNull();

        nightly.OverlapPolicy.ShouldBe(OverlapPolicy.Skip);
        nightly.MisfireInstructionCode.ShouldBe((int)CronTriggerMisfireInstruction.DoNothing);
        (await scheduler.GetTrigger(BatchSchedulerSetup.CatchUp)).ShouldBeNull("no catch-up was due");
        await scheduler.Shutdown(waitForJobsToComplete: false);
    }

    [Fact]
    public async Task A_nightly_firing_during_the_catch_up_run_is_skipped_not_run_beside_it()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var slow = Options(server, dir, "* * * * * ?", [.. Enumerable.Range(0, 12).Select(i => $"s{i}.example-slow.org")], interval: "00:00:00.250");
        using (var store = StoreFactory.Open(new StoreSettings(slow.Store.Path), exclusive: false))
        {
            var runs = store.Runs;
            runs.Finish(runs.Start("run", DateTimeOffset.UtcNow.AddMinutes(-30)), DateTimeOffset.UtcNow.AddMinutes(-29), IRunLog.Killed);
        }

        await RunSchedulerUntil(slow, output, () => FinishedRuns(dir) >= 2 && output.ToString().Contains("skipped", StringComparison.Ordinal));

        var log = output.ToString();
        log.ShouldContain("was killed; resuming it now.");
        var firstEnd = log.IndexOf("run ended:", StringComparison.Ordinal);
        firstEnd.ShouldBeGreaterThan(0, log);
        log[..firstEnd].ShouldContain("a run is still going, so this one is skipped.", customMessage: "the nightly trigger fired during the catch-up run");
        log.ShouldNotContain("could not start", customMessage: "the nightly firing reached the job while the catch-up run held the store");
        RunsNeverOverlap(dir);
    }

    [Fact]
    public async Task Missed_nights_are_caught_up_exactly_once_at_start()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var options = Options(server, dir, "0 0 1 * * ?", "aoldaily.com");
        using (var store = StoreFactory.Open(new StoreSettings(options.Store.Path), exclusive: false))
        {
            var runs = store.Runs;
            var threeNightsAgo = DateTimeOffset.UtcNow.AddDays(-3);
            runs.Finish(runs.Start(ScheduledRuns.Verb, threeNightsAgo), threeNightsAgo.AddHours(1), "completed");
        }

        await RunSchedulerUntil(options, output, () => FinishedRuns(dir) >= 2, settle: TimeSpan.FromSeconds(1.5));

        FinishedRuns(dir).ShouldBe(2);
        output.ToString().ShouldContain("did not happen; running it once now.");
    }

    private static async Task RunSchedulerUntil(BatchOptions options, StringWriter output, Func<bool> done, TimeSpan? settle = null)
    {
        using var stop = new CancellationTokenSource();
        var console = new RunConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(output));
        var scheduler = new BatchScheduler(options, TimeProvider.System, console).RunUntilStoppedAsync(stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done() && DateTime.UtcNow < deadline && !scheduler.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Task.Delay(settle ?? TimeSpan.Zero);
        await stop.CancelAsync();
        await scheduler.WaitAsync(TimeSpan.FromSeconds(30));
        done().ShouldBeTrue(output.ToString());
    }

    private static BatchOptions Options(StandInServer server, TempDirectory dir, string cron, params string[] domains) =>
        Options(server, dir, cron, domains, "00:00:00.010");

    private static BatchOptions Options(StandInServer server, TempDirectory dir, string cron, string[] domains, string interval)
    {
        var input = dir.Write("in.csv", "domain\n" + string.Join('\n', domains) + "\n");
        return BatchConfiguration.Load(null, [
            "--Schedule:Cron=" + cron, "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=" + interval,
            "--Sources:DefaultFeeds=false", "--Sources:CsvFiles:0=" + input, "--Store:Path=" + dir.File("store.db"), "--Output:Directory=" + dir.File("out"),
        ]);
    }

    private static HashSet<string> FiringTimes(string log, string outcome) =>
        [.. log.Split('\n').Where(line => line.Contains(outcome, StringComparison.Ordinal)).Select(line => line[(line.IndexOf("trigger at ", StringComparison.Ordinal) + 11)..line.IndexOf(" UTC:", StringComparison.Ordinal)])];

    private static void RunsNeverOverlap(TempDirectory dir)
    {
        var runs = Runs(dir);
        for (var i = 1; i < runs.Count; i++)
        {
            runs[i].Started.ShouldBeGreaterThanOrEqualTo(runs[i - 1].Ended ?? long.MaxValue, "runs never overlap");
        }
    }

    // The file exists a moment before the schema is committed in it: until then no run has finished either.
    private static long FinishedRuns(TempDirectory dir) =>
        File.Exists(dir.File("store.db")) && Query<long>(dir, "SELECT count(*) FROM sqlite_schema WHERE name = 'runs'") > 0
            ? Query<long>(dir, "SELECT count(*) FROM runs WHERE ended_at IS NOT NULL")
            : 0;

    private static List<(long Started, long? Ended)> Runs(TempDirectory dir)
    {
        using var db = Open(dir);
        return db.Query<(long, long?)>("SELECT started_at, ended_at FROM runs ORDER BY id").AsList();
    }

    private static T Query<T>(TempDirectory dir, string sql)
    {
        using var db = Open(dir);
        return db.ExecuteScalar<T>(sql)!;
    }

    private static SqliteConnection Open(TempDirectory dir)
    {
        var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        return db;
    }
}
