using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>The Quartz job: a trigger fired, so run the batch once (or skip, if one is still going).</summary>
internal sealed class BatchJob(ScheduledRuns runs) : IJob
{
    public Task Execute(IJobExecutionContext context) =>
        runs.RunOnceAsync($"trigger at {context.ScheduledFireTimeUtc ?? context.FireTimeUtc:yyyy-MM-dd HH:mm:ss} UTC", context.CancellationToken);
}
