using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The one place the <c>schedule</c> command's Quartz scheduler is put together: the job, the nightly trigger, the
/// catch-up trigger when one is due, and the listeners that log. The store is in memory; a shared job store would be
/// chosen here and nowhere else.
/// </summary>
internal static class BatchSchedulerSetup
{
    public static readonly JobKey Job = new("batch", "threatcrowd");

    public static readonly TriggerKey Nightly = new("nightly", "threatcrowd");

    public static readonly TriggerKey CatchUp = new("catch-up", "threatcrowd");

    public static StandaloneSchedulerFactory Build(ScheduledRuns runs, string cron, TimeZoneInfo zone, TimeProvider clock, bool catchUp) =>
        QuartzSchedulerBuilder.Create(q =>
        {
            // The name must be unique within the process: tests run several schedulers side by side.
            q.ConfigureScheduler(scheduler => scheduler.InstanceName = "threatcrowd-batch-" + Guid.NewGuid().ToString("N"));
            q.UseTimeProvider(clock);
            // Two: the run holds one thread, and a firing that comes meanwhile needs the other to be vetoed.
            q.UseDefaultThreadPool(maxConcurrency: 2);
            // A shared job store would replace this line alone: the job carries no job data, and what it runs with
            // (this process's runs) comes from the scheduler's container, which nothing persists.
            q.UseInMemoryStore();
            q.Services.AddSingleton(runs);
            q.AddJob<BatchJob>(job => job.WithIdentity(Job).StoreDurably());

            // A firing while the night's run still goes is dropped (Skip), not queued; a firing the scheduler could not
            // make in time (the machine slept) is left out (do nothing): the catch-up at start is the one make-up rule.
            q.AddTrigger(trigger => trigger
                .WithIdentity(Nightly)
                .ForJob(Job)
                .WithCronSchedule(cron, schedule => schedule.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .WithOverlapPolicy(OverlapPolicy.Skip));
            if (catchUp)
            {
                q.AddTrigger(trigger => trigger.WithIdentity(CatchUp).ForJob(Job).StartNow());
            }

            q.AddJobListener(new NextRunLogger(runs, new CronTimes(cron, zone), clock));
            q.AddTriggerListener(new SkippedFirings(runs));
        }).Build();
}
