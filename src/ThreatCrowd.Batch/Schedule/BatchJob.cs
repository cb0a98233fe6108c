using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The Quartz job: a trigger fired, so run the batch once. It carries no job data: what it runs with comes from the
/// scheduler's container, so a persistent job store has nothing of this process to serialize.
/// </summary>
internal sealed class BatchJob(IScheduledWork runs) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await runs.RunOnceAsync($"trigger at {context.ScheduledFireTimeUtc ?? context.FireTimeUtc:yyyy-MM-dd HH:mm:ss} UTC", cancellationToken).ConfigureAwait(false);
}
