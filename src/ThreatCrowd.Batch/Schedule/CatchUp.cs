using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// Decides, when the scheduler starts, whether to run once at once: when the last run was interrupted or killed
/// (resume it), or when a trigger time has passed since the last scheduled run completed (the machine was down).
/// One catch-up however many nights were missed, and none once the missed run's window (Lookup:StopAt) has closed.
/// </summary>
internal static class CatchUp
{
    public static string? Reason(RunRecord? latest, RunRecord? lastScheduled, DateTimeOffset? previousFire, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset?> windowEnd)
    {
        if (latest is { EndedBecause: IRunLog.Killed or "interrupted" })
        {
            return $"run #{latest.Id} was {latest.EndedBecause}; resuming it now";
        }

        if (previousFire is not { } missed || lastScheduled is null || lastScheduled.StartedAt >= missed)
        {
            return null;
        }

        if (windowEnd(missed) is { } end && now >= end)
        {
            return null;
        }

        return $"the run due at {missed:yyyy-MM-dd HH:mm} UTC did not happen; running it once now";
    }

    public static string? Reason(IRunLog runs, CronTimes cron, DateTimeOffset now, Func<DateTimeOffset, DateTimeOffset?> windowEnd) =>
        Reason(First(runs.Latest(1)), runs.LastFinished(ScheduledRuns.Verb), cron.Previous(now), now, windowEnd);

    private static RunRecord? First(IReadOnlyList<RunRecord> runs) => runs.Count > 0 ? runs[0] : null;
}
