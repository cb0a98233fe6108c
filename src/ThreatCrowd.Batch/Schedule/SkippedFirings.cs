using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// One run at a time, and a firing that comes while one is going is dropped and said so. Quartz's overlap policy
/// drops the nightly trigger's firing while its own earlier firing runs (<see cref="TriggerSkipped"/>); it does not
/// look at the other triggers of the job (the catch-up, a recovered run), so any firing is vetoed here while an
/// earlier firing of the job goes, judged by the firings Quartz itself lists, which with the shared job store are
/// the whole cluster's. Of two firings at once the earlier (then the smaller id) runs, so they never veto each other.
/// </summary>
internal sealed class SkippedFirings(IScheduledWork runs) : ITriggerListener
{
    public string Name => "skipped-firings";

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        LogSkipped(trigger.NextFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var firings = (await context.Scheduler.QueryFireInstances(new FireInstanceQuery { Job = BatchSchedulerSetup.Job }, cancellationToken).ConfigureAwait(false)).Items;
        var mine = firings.FirstOrDefault(firing => firing.FireInstanceId == context.FireInstanceId)?.FireTimeUtc ?? context.FireTimeUtc;
        if (!firings.Any(firing => firing.FireInstanceId != context.FireInstanceId && Earlier(firing.FireTimeUtc, firing.FireInstanceId, mine, context.FireInstanceId)))
        {
            return false;
        }

        LogSkipped(context.ScheduledFireTimeUtc);
        return true;
    }

    private static bool Earlier(DateTimeOffset time, string id, DateTimeOffset thanTime, string thanId) =>
        time < thanTime || (time == thanTime && string.CompareOrdinal(id, thanId) < 0);

    private void LogSkipped(DateTimeOffset? firing) =>
        runs.Log($"trigger at {firing:yyyy-MM-dd HH:mm:ss} UTC: a run is still going, so this one is skipped.");
}
