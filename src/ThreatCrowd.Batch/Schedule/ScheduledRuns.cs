using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// What a trigger does: one whole run (import, lookups within the window, export), the same as the <c>run</c>
/// command. One at a time: a trigger that fires while a run is still going is skipped, not queued, so a long night
/// never turns into two runs back to back. A failed run is reported and the schedule goes on.
/// </summary>
internal sealed class ScheduledRuns(BatchOptions options, TimeProvider clock, RunConsole console, CancellationToken shutdown) : IDisposable
{
    public const string Verb = "schedule";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public int Skipped { get; private set; }

    public async Task RunOnceAsync(string why, CancellationToken ct)
    {
        if (!await _oneAtATime.WaitAsync(0, ct).ConfigureAwait(false))
        {
            Skipped++;
            Log($"{why}: a run is still going, so this one is skipped.");
            return;
        }

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
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    public void Log(string line) =>
        console.Info(string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} schedule: {line}"));
}
