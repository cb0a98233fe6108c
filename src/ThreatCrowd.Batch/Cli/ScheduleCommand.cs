using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>schedule</c>: stay up and run the batch on Schedule:Cron until SIGINT or SIGTERM.</summary>
internal static class ScheduleCommand
{
    public static async Task<int> RunAsync(BatchOptions options, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        await new BatchScheduler(options, clock, console).RunUntilStoppedAsync(ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
