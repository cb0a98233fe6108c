using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The <c>schedule</c> command's engine: a Quartz scheduler with one job on Schedule:Cron in Schedule:TimeZone.
/// At start it catches up once if a run was missed or interrupted; it logs when the next run fires, at start and
/// after each run; on shutdown it lets the running job checkpoint and write its tables. With a shared job store,
/// the hosts of a cluster share the triggers: one fires each, and the catch-up is decided under the cluster's lock.
/// </summary>
internal sealed class BatchScheduler(BatchOptions options, TimeProvider clock, RunConsole console, SharedJobStore? shared = null)
{
    public async Task RunUntilStoppedAsync(CancellationToken stop)
    {
        var zone = ScheduleTimeZone.Of(options);
        var cron = new CronTimes(options.Schedule.Cron, zone);
        var runs = new ScheduledRuns(options, clock, console, stop);
        if (shared is not null && await ClusterJobStore.EnsureTablesAsync(shared.ConnectionString, stop).ConfigureAwait(false))
        {
            runs.Log("created the shared schedule's tables in the database.");
        }

        var catchUp = shared is null ? CatchUpReason(cron) : null;
        await using var factory = BatchSchedulerSetup.Build(runs, options.Schedule.Cron, zone, clock, catchUp is not null, shared);
        var scheduler = await factory.GetScheduler(stop).ConfigureAwait(false);
        try
        {
            if (shared is not null)
            {
                catchUp = await ClusterCatchUp.ScheduleAsync(scheduler, shared, () => CatchUpReason(cron), stop).ConfigureAwait(false);
            }

            runs.Log($"started with \"{options.Schedule.Cron}\" in {zone.Id}; next run at {Describe(cron.Next(clock.GetUtcNow()))}.");
            if (catchUp is not null)
            {
                runs.Log(catchUp + ".");
            }

            await scheduler.Start(stop).ConfigureAwait(false);
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            runs.Log("stopping: letting the current run store its answers and write the tables.");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public static string Describe(DateTimeOffset? next) => next is { } at ? $"{at:yyyy-MM-dd HH:mm:ss} UTC" : "never (the expression has no future time)";

    private string? CatchUpReason(CronTimes cron)
    {
        if (!StoreFactory.Exists(options.Store.Settings()))
        {
            return null;
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: false);
        var zone = ScheduleTimeZone.Of(options);
        return CatchUp.Reason(session.Store.Runs, cron, clock.GetUtcNow(), fire => RunWindow.Deadline(fire, options.Lookup.StopAt, zone));
    }
}
