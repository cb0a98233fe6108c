using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// <c>schedule</c>: stay up and run the batch on Schedule:Cron until SIGINT or SIGTERM. On the PostgreSQL store the
/// schedule is shared too: every host runs this, one fires each run, and another takes over when it dies.
/// </summary>
internal static class ScheduleCommand
{
    public static async Task<int> RunAsync(BatchOptions options, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        var shared = options.Store.IsPostgres
            ? new SharedJobStore(options.Store.ResolveConnectionString(), options.Schedule.ClusterCheckinInterval)
            : null;
        await new BatchScheduler(options, clock, console, shared).RunUntilStoppedAsync(ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
