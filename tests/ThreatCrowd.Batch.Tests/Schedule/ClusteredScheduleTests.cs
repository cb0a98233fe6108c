using System.Collections.Concurrent;
using Npgsql;
using Quartz;
using Xunit.Abstractions;
using ThreatCrowd.Batch.Schedule;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.JobStore;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Schedule;

/// <summary>
/// The schedule on Quartz's clustered job store in a real PostgreSQL database: several schedulers (hosts) on one
/// database, each firing only what the cluster hands it.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class ClusteredScheduleTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const string Never = "0 0 1 1 1 ? 2099";

    private static readonly TimeSpan Checkin = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<(string Host, string Why, DateTimeOffset At)> _runs = new();

    [Fact]
    public async Task Each_firing_of_the_trigger_runs_on_one_host_only()
    {
        var shared = await SharedStoreAsync();
        await using var a = await StartHostAsync("a", shared, "* * * * * ?");
        await using var b = await StartHostAsync("b", shared, "* * * * * ?");

        await Until(() => _runs.Count >= 6, TimeSpan.FromSeconds(60));
        await a.Scheduler.Shutdown(waitForJobsToComplete: true);
        await b.Scheduler.Shutdown(waitForJobsToComplete: true);

        var firings = _runs.Select(run => run.Why).ToList();
        firings.ShouldBe(firings.Distinct().ToList(), "a firing ran on both hosts: " + string.Join("; ", _runs));
    }

    [Fact]
    public async Task When_the_host_running_the_job_dies_another_takes_the_run_over_within_the_takeover_time()
    {
        var shared = await SharedStoreAsync();
        var a = await StartHostAsync("a", shared, Never, hold: true);
        (await ClusterCatchUp.ScheduleAsync(a.Scheduler, shared, () => "missed", CancellationToken.None)).ShouldBe("missed");
        await Until(() => _runs.Any(run => run.Host == "a"), TimeSpan.FromSeconds(30));
        await using var b = await StartHostAsync("b", shared, Never);

        // Measured from the end of the shutdown, when the host has surely stopped checking in (a shutdown in the
        // process takes a second or two; a killed process stops at once).
        await a.DieAsync();
        var died = DateTimeOffset.UtcNow;
        await Until(() => _runs.Any(run => run.Host == "b"), shared.TakeoverWithin + TimeSpan.FromSeconds(30));

        var takenOver = _runs.Single(run => run.Host == "b").At - died;
        output.WriteLine($"check-in every {Checkin.TotalSeconds} s: the run went on on another host {takenOver.TotalSeconds:0.0} s after its host died (bound {shared.TakeoverWithin.TotalSeconds} s)");
        takenOver.ShouldBeLessThan(shared.TakeoverWithin + TimeSpan.FromSeconds(2), "the run was recovered, but late for a check-in of " + Checkin + " (2 s allowed for a loaded machine)");
        _runs.Count(run => run.Host == "a").ShouldBe(1);
    }

    [Fact]
    public async Task While_a_run_goes_on_one_host_every_other_firing_in_the_cluster_is_skipped()
    {
        var shared = await SharedStoreAsync();
        await using var a = await StartHostAsync("a", shared, "* * * * * ?", hold: true);
        await ClusterCatchUp.ScheduleAsync(a.Scheduler, shared, () => "missed", CancellationToken.None);
        await Until(() => _runs.Count == 1, TimeSpan.FromSeconds(30));
        await using var b = await StartHostAsync("b", shared, "* * * * * ?", hold: true);

        // Either host may be the one that acquires the nightly trigger each second; both apply the same rule.
        await Until(() => Skipped(a) + Skipped(b) >= 4, TimeSpan.FromSeconds(60));

        _runs.Count.ShouldBe(1, "a firing ran beside the run going: " + string.Join("; ", _runs));
    }

    [Fact]
    public async Task Hosts_starting_together_schedule_one_catch_up_and_it_runs_once()
    {
        var shared = await SharedStoreAsync();
        await using var a = await BuildHostAsync("a", shared, Never);
        await using var b = await BuildHostAsync("b", shared, Never);

        var decisions = await Task.WhenAll(
            ClusterCatchUp.ScheduleAsync(a.Scheduler, shared, () => "missed", CancellationToken.None),
            ClusterCatchUp.ScheduleAsync(b.Scheduler, shared, () => "missed", CancellationToken.None));
        decisions.Count(why => why is not null).ShouldBe(1);

        await a.Scheduler.Start();
        await b.Scheduler.Start();
        await Until(async () => _runs.Count == 1 && !await a.Scheduler.Exists(BatchSchedulerSetup.CatchUp), TimeSpan.FromSeconds(30));
        _runs.Count.ShouldBe(1);
    }

    [Fact]
    public async Task No_catch_up_is_scheduled_while_a_nightly_run_is_going_on_another_host()
    {
        var shared = await SharedStoreAsync();
        await using var a = await StartHostAsync("a", shared, "* * * * * ?", hold: true);
        await Until(() => _runs.Count == 1, TimeSpan.FromSeconds(30));
        await using var b = await BuildHostAsync("b", shared, "* * * * * ?");

        (await ClusterCatchUp.ScheduleAsync(b.Scheduler, shared, () => "missed", CancellationToken.None)).ShouldBeNull();
        (await b.Scheduler.Exists(BatchSchedulerSetup.CatchUp)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_catch_up_rule_still_decides_in_a_cluster_none_after_the_window_closed()
    {
        var shared = await SharedStoreAsync();
        await using var a = await BuildHostAsync("a", shared, Never);
        var now = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        var missed = new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero);
        var lastNight = new RunRecord(1, ScheduledRuns.Verb, missed.AddDays(-1), missed.AddDays(-1).AddHours(1), "completed", 0, 0, 0, 0, 0);

        var closed = await ClusterCatchUp.ScheduleAsync(a.Scheduler, shared, () => CatchUp.Reason(lastNight, lastNight, missed, now, _ => missed.AddHours(5)), CancellationToken.None);
        var open = await ClusterCatchUp.ScheduleAsync(a.Scheduler, shared, () => CatchUp.Reason(lastNight, lastNight, missed, now, _ => null), CancellationToken.None);

        closed.ShouldBeNull();
        open.ShouldNotBeNull().ShouldContain("did not happen");
        (await a.Scheduler.Exists(BatchSchedulerSetup.CatchUp)).ShouldBeTrue();
    }

    [Fact]
    public async Task The_tables_are_created_once_when_hosts_start_together_and_left_alone_after()
    {
        var database = await cluster.CreateDatabaseAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => QuartzTables.EnsureAsync(database, CancellationToken.None)));

        created.Count(first => first).ShouldBe(1);
        (await QuartzTables.EnsureAsync(database, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_tables_are_the_ones_Quartz_4_7_creates_for_itself()
    {
        var ours = await cluster.CreateDatabaseAsync();
        var quartzs = await cluster.CreateDatabaseAsync();
        await QuartzTables.EnsureAsync(ours, CancellationToken.None);
        await using (var factory = QuartzSchedulerBuilder.Create(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "provisioned-by-quartz-" + Guid.NewGuid().ToString("N"));
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(quartzs);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
        }).Build())
        {
            var scheduler = await factory.GetScheduler();
            await scheduler.Start();
            await scheduler.Shutdown();
        }

        (await ColumnsAsync(ours)).ShouldBe(await ColumnsAsync(quartzs));
    }

    private static int Skipped(Host host) => host.Work.Lines.Count(line => line.Contains("a run is still going, so this one is skipped", StringComparison.Ordinal));

    private static async Task<List<string>> ColumnsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable || ' ' || coalesce(column_default, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'qrtz%' ORDER BY 1
            """, connection);
        var columns = new List<string>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
        {
            columns.Add(rows.GetString(0));
        }

        columns.ShouldNotBeEmpty();
        return columns;
    }

    private async Task<SharedJobStore> SharedStoreAsync()
    {
        var shared = new SharedJobStore(await cluster.CreateDatabaseAsync(), Checkin);
        await QuartzTables.EnsureAsync(shared.ConnectionString, CancellationToken.None);
        return shared;
    }

    private async Task<Host> StartHostAsync(string name, SharedJobStore shared, string cron, bool hold = false)
    {
        var host = await BuildHostAsync(name, shared, cron, hold);
        await host.Scheduler.Start();
        return host;
    }

    private async Task<Host> BuildHostAsync(string name, SharedJobStore shared, string cron, bool hold = false)
    {
        var work = new RecordingWork(name, _runs) { Hold = hold };
        var factory = BatchSchedulerSetup.Build(work, cron, TimeZoneInfo.Utc, TimeProvider.System, catchUp: false, shared);
        return new Host(work, factory, await factory.GetScheduler());
    }

    private static async Task Until(Func<bool> done, TimeSpan within) => await Until(() => Task.FromResult(done()), within);

    private static async Task Until(Func<Task<bool>> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "not within " + within);
            await Task.Delay(50);
        }
    }

    private sealed record Host(RecordingWork Work, StandaloneSchedulerFactory Factory, IScheduler Scheduler) : IAsyncDisposable
    {
        /// <summary>Gone without a word to the cluster: no more check-ins, its firing left behind as it was.</summary>
        public async Task DieAsync()
        {
            await Scheduler.Shutdown(waitForJobsToComplete: false);
        }

        public async ValueTask DisposeAsync()
        {
            Work.Release();
            if (Scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
            {
                await Scheduler.Shutdown(waitForJobsToComplete: true);
            }

            await Factory.DisposeAsync();
        }
    }
}
