using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The one place the <c>schedule</c> command's Quartz scheduler is put together: the job, the nightly trigger, the
/// catch-up trigger when one is due, the listeners that log, Quartz's own warnings into the same log
/// (<see cref="QuartzLogLines"/>), and the job store: in memory for one host (the default), or Quartz's clustered
/// ADO job store in a shared PostgreSQL database.
/// </summary>
internal static class BatchSchedulerSetup
{
    public static readonly JobKey Job = new("batch", "threatcrowd");

    public static readonly TriggerKey Nightly = new("nightly", "threatcrowd");

    public static readonly TriggerKey CatchUp = new("catch-up", "threatcrowd");

    /// <param name="catchUp">Schedule the catch-up trigger now: for the in-memory store only. A cluster decides it
    /// under its lock once the scheduler exists (<see cref="ClusterCatchUp"/>).</param>
    /// <param name="shared">The shared job store; null keeps the schedule in memory.</param>
    public static StandaloneSchedulerFactory Build(IScheduledWork runs, string cron, TimeZoneInfo zone, TimeProvider clock, bool catchUp, SharedJobStore? shared = null) =>
        QuartzSchedulerBuilder.Create(q =>
        {
            q.UseTimeProvider(clock);
            // Two: the run holds one thread, and a firing that comes meanwhile needs the other to be vetoed.
            q.UseDefaultThreadPool(maxConcurrency: 2);
            if (shared is null)
            {
                // The name must be unique within the process: tests run several schedulers side by side.
                q.ConfigureScheduler(scheduler => scheduler.InstanceName = "threatcrowd-batch-" + Guid.NewGuid().ToString("N"));
                // The job carries no job data: what it runs with (this process's runs) comes from the scheduler's
                // container, which nothing persists; so the shared store below has nothing of this process to store.
                q.UseInMemoryStore();
            }
            else
            {
                UseSharedStore(q, shared);
            }

            q.Services.AddSingleton(runs);
            q.Services.AddLogging(logging => logging.AddProvider(new QuartzLogLines(runs)));
            // Recovery requested: when the host running the job dies, another host of the cluster runs it again, and
            // the run resumes what is still due. The in-memory store has nobody to hand it to and ignores it.
            q.AddJob<BatchJob>(job => job.WithIdentity(Job).StoreDurably().RequestRecovery());

            // A firing while the night's run still goes is dropped (Skip), not queued; a firing the scheduler could not
            // make in time (the machine slept) is left out (do nothing): the catch-up at start is the one make-up rule.
            q.AddTrigger(trigger => trigger
                .WithIdentity(Nightly)
                .ForJob(Job)
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .WithOverlapPolicy(OverlapPolicy.Skip));
            if (catchUp && shared is null)
            {
                q.AddTrigger(trigger => trigger.WithIdentity(CatchUp).ForJob(Job).StartNow());
            }

            q.AddJobListener(new NextRunLogger(runs, new CronTimes(cron, zone), clock));
            q.AddTriggerListener(new SkippedFirings(runs));
        }).Build();

    private static void UseSharedStore(IQuartzBuilder q, SharedJobStore shared)
    {
        // One name for every host: it is the cluster's name in Quartz's tables. Each host gets an instance id of its
        // own (clustering generates one), which is how the others tell it is gone.
        q.ConfigureScheduler(scheduler => scheduler.InstanceName = SharedJobStore.SchedulerName);
        q.UsePersistentStore(store =>
        {
            store.UsePostgres(shared.ConnectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = shared.CheckinInterval;
                cluster.CheckinMisfireThreshold = shared.CheckinInterval;
            });
        });
    }
}
