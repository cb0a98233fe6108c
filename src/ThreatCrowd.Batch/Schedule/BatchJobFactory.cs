using Quartz;
using Quartz.Spi;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>Hands Quartz a job bound to this process's runs; no container needed for one job.</summary>
internal sealed class BatchJobFactory(ScheduledRuns runs) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new BatchJob(runs);

    public void ReturnJob(IJob job)
    {
    }
}
