using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One recorded run: optionally import the sources, look up what is due, then always write the tables, even
/// when the lookups were interrupted or the service was unreachable, so the SIEM gets everything answered so far.
/// </summary>
internal sealed class BatchRun(BatchSession session)
{
    public async Task<RunEnd> ExecuteAsync(string verb, bool importSources, IReadOnlyList<string> inputs, int limit, CancellationToken ct) =>
        await ExecuteAsync(verb, importSources, inputs, limit, null, ct).ConfigureAwait(false);

    /// <summary>Runs with an optional time of day (HH:mm, in Schedule:TimeZone) at which the lookups stop.</summary>
    public async Task<RunEnd> ExecuteAsync(string verb, bool importSources, IReadOnlyList<string> inputs, int limit, string? stopAt, CancellationToken ct)
    {
        var clock = session.Clock;
        var runs = session.Store.Runs;
        var startedAt = clock.GetUtcNow();
        var runId = runs.Start(verb, startedAt);
        var deadline = RunWindow.Deadline(startedAt, stopAt ?? session.Options.Lookup.StopAt, ScheduleTimeZone.Of(session.Options));
        RunEnd end;
        try
        {
            end = await LookUpAsync(runId, importSources, inputs, limit, deadline, ct).ConfigureAwait(false);

            // Not cancellable: an interrupted run still leaves complete tables of what it stored.
            await new ExportStage(session).RunAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The process is about to report the error and exit; without this the run would show as "running"
            // until the next run calls it killed, and the reason would be lost with the console. (A stop by signal
            // never gets here: it ends the lookups as "interrupted", and the export after it is not cancellable.)
            RecordFailure(runs, runId, ex);
            throw;
        }

        runs.Finish(runId, clock.GetUtcNow(), end.ToName());
        Summarize(runs.Get(runId)!, end);
        return end;
    }

    private async Task<RunEnd> LookUpAsync(long runId, bool importSources, IReadOnlyList<string> inputs, int limit, DateTimeOffset? deadline, CancellationToken ct)
    {
        try
        {
            if (importSources)
            {
                await new ImportStage(session).RunAsync(inputs, ct).ConfigureAwait(false);
            }

            return await new LookupStage(session).RunAsync(runId, limit, deadline, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return RunEnd.Interrupted;
        }
    }

    private void RecordFailure(IRunLog runs, long runId, Exception failure)
    {
        try
        {
            runs.Finish(runId, session.Clock.GetUtcNow(), IRunLog.Failed(failure));
        }
        catch (Exception ex) when (ex is StoreException or StoreFailedException)
        {
            // The store itself may be what failed; the error on its way out says so.
        }
    }

    private void Summarize(RunRecord run, RunEnd end)
    {
        var c = CultureInfo.InvariantCulture;
        var took = Durations.Humanize((run.EndedAt ?? run.StartedAt) - run.StartedAt);
        var due = session.Store.Queue.Count(session.Clock.GetUtcNow(), session.Options.Lookup.RefreshAfter);
        session.Console.Info(string.Create(
            c,
            $"run #{run.Id} {end.ToName()} in {took}: looked up {run.LookedUp:N0} (found {run.Found:N0}, not found {run.NotFound:N0}, failed {run.Failed:N0}); {due:N0} still due."));
        if (due > 0 && end is RunEnd.Interrupted or RunEnd.Unreachable or RunEnd.LimitReached or RunEnd.Paused)
        {
            session.Console.Info("continue with: ./run.sh resume");
        }
    }
}
