using Quartz;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The catch-up at start, in a cluster: hosts that start together must not each run it. So it is decided and
/// scheduled under the cluster's lock, as a trigger of a fixed name in the shared job store, which one host fires.
/// A host that finds that trigger (or a recovery trigger) waiting, or a run of the job going anywhere in the cluster,
/// schedules nothing: the run going, or the one waiting, is the night's run. Otherwise it applies the one-host rule
/// (<see cref="CatchUp"/>) to the run log, which, with the store in the same database, is the cluster's.
/// </summary>
internal static class ClusterCatchUp
{
    public const string LockName = "threatcrowd-batch: catch-up";

    /// <summary>Schedules the catch-up when it is due and no host has; returns why it was, or null.</summary>
    public static Task<string?> ScheduleAsync(IScheduler scheduler, SharedJobStore shared, Func<string?> reason, CancellationToken ct) =>
        ClusterJobStore.UnderLockAsync(shared.ConnectionString, LockName, async (firingsInCluster, token) =>
        {
            var waiting = await scheduler.GetTriggersOfJob(BatchSchedulerSetup.Job, token).ConfigureAwait(false);
            if (waiting.Any(trigger => !trigger.Key.Equals(BatchSchedulerSetup.Nightly)))
            {
                return null;
            }

            var firings = await firingsInCluster.CountAsync(SharedJobStore.SchedulerName, BatchSchedulerSetup.Job.Name, BatchSchedulerSetup.Job.Group, token).ConfigureAwait(false);
            if (firings > 0 || reason() is not { } why)
            {
                return null;
            }

            await scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity(BatchSchedulerSetup.CatchUp).ForJob(BatchSchedulerSetup.Job).StartNow().Build(), new ScheduleJobOptions(), token).ConfigureAwait(false);
            return why;
        }, ct);
}
