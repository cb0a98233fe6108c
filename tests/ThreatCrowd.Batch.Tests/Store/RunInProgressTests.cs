using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class RunInProgressTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_run_in_progress_is_the_unfinished_one_and_none_once_it_ends()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var runs = new RunLog(db);
        var killed = runs.Start("run", Day1);
        var current = runs.Start("run", Day1.AddHours(1));
        var detector = new ChangeDetector(db);

        detector.RunInProgress().ShouldBe(current);
        runs.Finish(current, Day1.AddHours(2), "completed");
        detector.RunInProgress().ShouldBeNull($"run {killed} was killed and {current} has ended");
    }
}
