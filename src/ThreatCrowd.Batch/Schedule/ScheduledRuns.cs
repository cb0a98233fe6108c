using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// What a trigger does: one whole run (import, lookups within the window, export), the same as the <c>run</c>
/// command. One at a time is the scheduler's part (<see cref="SkippedFirings"/>). A failed run is reported and the
/// schedule goes on.
/// </summary>
internal sealed class ScheduledRuns(BatchOptions options, TimeProvider clock, RunConsole console, CancellationToken shutdown) : IScheduledWork
{
    public const string Verb = "schedule";

    public async Task RunOnceAsync(string why, CancellationToken ct)
    {
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, shutdown);
            Log($"{why}: starting a run.");
            using var session = BatchSession.Open(options, clock, console, exclusive: true);
            var end = await new BatchRun(session)
                .ExecuteAsync(Verb, importSources: true, [], options.Lookup.MaxPerRun, null, linked.Token).ConfigureAwait(false);
            Log($"run ended: {end.ToName()}.");
        }
        catch (Exception ex) when (ex is StoreException or StoreLockedException)
        {
            console.Error($"the scheduled run could not start: {ex.Message} The schedule goes on.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever it was: a job's exception would only reach the scheduler, which keeps it to itself, and the
            // log would say nothing but the next run's time. The run itself recorded why it failed (see status).
            console.Error(string.Create(
                CultureInfo.InvariantCulture,
                $"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} schedule: the run failed: {ex.Message} ({ex.GetType().Name}); status shows it as failed. The schedule goes on."));
        }
    }

    public void Log(string line) =>
        console.Info(string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} schedule: {line}"));
}
