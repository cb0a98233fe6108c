using System.Collections.Concurrent;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Tests.Schedule;

/// <summary>Quartz's own errors reach the schedule's log, not nowhere.</summary>
public sealed class QuartzLogLinesTests
{
    [Fact]
    public async Task A_job_that_throws_is_reported_by_quartz_in_the_schedules_log()
    {
        var work = new ThrowingWork();
        await using var factory = BatchSchedulerSetup.Build(work, "0 0 1 * * ?", TimeZoneInfo.Utc, TimeProvider.System, catchUp: true);
        var scheduler = await factory.GetScheduler();
        await scheduler.Start();

        // The job's failure reaches the log as Quartz words it, with the exception's own message.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!work.Lines.Any(l => l.StartsWith("quartz: ", StringComparison.Ordinal) && l.Contains("the store went away", StringComparison.Ordinal)))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the schedule's log: " + string.Join("\n", work.Lines));
            await Task.Delay(20);
        }

        await scheduler.Shutdown(waitForJobsToComplete: false);
        // Quartz's information lines (its start, its shutdown) are left out.
        work.Lines.ShouldNotContain(l => l.StartsWith("quartz: ", StringComparison.Ordinal) && l.Contains("started", StringComparison.Ordinal), string.Join("\n", work.Lines));
    }

    private sealed class ThrowingWork : IScheduledWork
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public Task RunOnceAsync(string why, CancellationToken ct) => throw new InvalidOperationException("the store went away");

        public void Log(string line) => Lines.Enqueue(line);
    }
}
