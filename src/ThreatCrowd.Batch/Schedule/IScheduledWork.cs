namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// What the scheduler's job and listeners call: run the batch once, and write a line of the schedule's log. The
/// scheduler's container holds it, so the job stored in a shared job store carries no data of this process.
/// </summary>
internal interface IScheduledWork
{
    Task RunOnceAsync(string why, CancellationToken ct);

    void Log(string line);
}
