using System.Collections.Specialized;
using Quartz;
using Quartz.Impl;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The <c>schedule</c> command's engine: an in-memory Quartz scheduler with one job on Schedule:Cron in
/// Schedule:TimeZone. At start it catches up once if a run was missed or interrupted; it logs when the next run
/// fires, at start and after each run; on shutdown it lets the running job checkpoint and write its tables.
/// </summary>
internal sealed class BatchScheduler(BatchOptions options, TimeProvider clock, RunConsole console)
{
    private static readonly JobKey Job = new("batch", "threatcrowd");

    public async Task RunUntilStoppedAsync(CancellationToken stop)
    {
        var zone = ScheduleTimeZone.Of(options);
        var cron = new CronTimes(options.Schedule.Cron, zone);
        using var runs = new ScheduledRuns(options, clock, console, stop);
        var scheduler = await new StdSchedulerFactory(new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "threatcrowd-batch-" + Guid.NewGuid().ToString("N"),
            ["quartz.threadPool.maxConcurrency"] = "2",
        }).GetScheduler(stop).ConfigureAwait(false);
        scheduler.JobFactory = new BatchJobFactory(runs);
        try
        {
            var trigger = TriggerBuilder.Create()
                .WithIdentity("nightly", "threatcrowd")
                .WithCronSchedule(options.Schedule.Cron, cronSchedule => cronSchedule.InTimeZone(zone).WithMisfireHandlingInstructionDoNothing())
                .Build();
            await scheduler.ScheduleJob(JobBuilder.Create<BatchJob>().WithIdentity(Job).Build(), trigger, stop).ConfigureAwait(false);
            scheduler.ListenerManager.AddJobListener(new NextRunLogger(runs, cron, clock), Quartz.Impl.Matchers.KeyMatcher<JobKey>.KeyEquals(Job));
            await scheduler.Start(stop).ConfigureAwait(false);
            runs.Log($"started with \"{options.Schedule.Cron}\" in {zone.Id}; next run at {Describe(cron.Next(clock.GetUtcNow()))}.");

            if (CatchUpReason(cron) is { } reason)
            {
                runs.Log(reason + ".");
                await scheduler.TriggerJob(Job, stop).ConfigureAwait(false);
            }

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
        if (!File.Exists(options.Store.Path))
        {
            return null;
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: false);
        var zone = ScheduleTimeZone.Of(options);
        return CatchUp.Reason(new RunLog(session.Connection), cron, clock.GetUtcNow(), fire => RunWindow.Deadline(fire, options.Lookup.StopAt, zone));
    }
}
