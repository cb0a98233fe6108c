using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresRunLogTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_run_of_another_living_host_stays_running_and_one_whose_process_died_is_called_killed()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var hostA = PostgresDatabase.Open(connectionString);
        using var hostB = PostgresDatabase.Open(connectionString);
        using var hostC = PostgresDatabase.Open(connectionString);
        var living = new PostgresRunLog(hostA, "host-a:1:1");
        var dying = new PostgresRunLog(hostB, "host-b:2:2");
        var running = living.Start("run", Monday);
        var dead = dying.Start("run", Monday.AddMinutes(1));
        dying.Dispose(); // its process ends without finishing the run

        var third = new PostgresRunLog(hostC, "host-c:3:3");
        var started = third.Start("resume", Monday.AddMinutes(2));

        third.Get(running).ShouldNotBeNull().EndedBecause.ShouldBeNull("its host still runs it");
        third.Get(dead).ShouldNotBeNull().EndedBecause.ShouldBe(IRunLog.Killed);
        living.Finish(running, Monday.AddMinutes(3), "completed");
        third.Finish(started, Monday.AddMinutes(4), "completed");
        third.Latest(3).Select(r => (r.Id, r.EndedBecause)).ShouldBe([(started, "completed"), (dead, IRunLog.Killed), (running, "completed")]);
        third.LastFinished("run").ShouldNotBeNull().Id.ShouldBe(running);
        living.Dispose();
        third.Dispose();
    }
}
