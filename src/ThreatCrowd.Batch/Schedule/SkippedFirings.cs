using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// One run at a time, and a firing that comes while one is going is dropped and said so. Quartz's overlap policy
/// drops the nightly trigger's firing while its own earlier firing runs (<see cref="TriggerSkipped"/>); it does not
/// look at the catch-up trigger's run, so the nightly firing is vetoed here while that one goes, judged by the
/// firings Quartz itself lists as running.
/// </summary>
internal sealed class SkippedFirings(ScheduledRuns runs) : ITriggerListener
{
    public string Name => "skipped-firings";

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        LogSkipped(trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!trigger.Key.Equals(BatchSchedulerSetup.Nightly))
        {
            return false;
        }

        var running = await context.Scheduler.QueryFireInstances(new FireInstanceQuery { Job = BatchSchedulerSetup.Job }, cancellationToken).ConfigureAwait(false);
        if (!running.Items.Any(firing => firing.FireInstanceId != context.FireInstanceId && !firing.TriggerKey.Equals(trigger.Key)))
        {
            return false;
        }

        LogSkipped(context.ScheduledFireTimeUtc);
        return true;
    }

    private void LogSkipped(DateTimeOffset? firing) =>
        runs.Log($"trigger at {firing:yyyy-MM-dd HH:mm:ss} UTC: a run is still going, so this one is skipped.");
}
