using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>After each run, says when the next one fires, so a morning look at the log answers "when again?".</summary>
internal sealed class NextRunLogger(IScheduledWork runs, CronTimes cron, TimeProvider clock) : IJobListener
{
    public string Name => "next-run-logger";

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        runs.Log($"next run at {BatchScheduler.Describe(cron.Next(clock.GetUtcNow()))}.");
        return ValueTask.CompletedTask;
    }
}
