using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Intel;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Splunk;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Rewrites every table whole from the store, each through a temporary file and a rename, so a SIEM reading
/// the folder sees the previous complete table or the new one, never half of one. Needs no network. First it
/// records what changed since the previous export; then it writes the tables, the Enterprise Security files, the
/// HEC files, the Splunk app and its package, as configured. Indicators older than Output:MaxAge are left out of all
/// of them. An app folder the program did not create is refused before anything is written.
/// </summary>
internal sealed class ExportStage(BatchSession session)
{
    /// <summary>The export at the end of a run: its changes are credited to the run in progress.</summary>
    public Task<IReadOnlyList<TableWritten>> RunAsync(CancellationToken ct) =>
        RunAsync(session.Store.Changes.RunInProgress(), ct);

    /// <summary>An export credited to run <paramref name="runId"/>, or to none (an export or import on its own).</summary>
    public async Task<IReadOnlyList<TableWritten>> RunAsync(long? runId, CancellationToken ct)
    {
        var output = session.Options.Output;
        var directory = output.Directory;
        var app = output.Splunk.App ? new SplunkApp(output.SplunkAppFolder, output.SplunkAppName) : null;
        if (app is not null)
        {
            SplunkAppOwner.ThrowIfNotOurs(output);
            await app.ClaimAsync(ct).ConfigureAwait(false);
        }

        // Only defined lookups may be in an app's lookups/ folder: when that is Output:Directory, the rest stays out.
        var lookupsOnly = output.TablesInAppLookups;
        foreach (var folder in FoldersWritten(output))
        {
            StaleTempFiles.Remove(folder);
        }

        var now = session.Clock.GetUtcNow();
        var cutoff = ExportCutoff.From(output.MaxAge, now);
        var changes = session.Store.Changes.Detect(cutoff, runId, now, output.ChangesKeep);

        var queries = session.Store.Tables(cutoff);
        var written = new List<TableWritten>
        {
            await IndicatorsTable.WriteAsync(directory, queries.Indicators(), !lookupsOnly, ct).ConfigureAwait(false),
            await RelationsTable.WriteAsync(directory, queries.Relations(), !lookupsOnly, ct).ConfigureAwait(false),
            await ChangesTable.WriteAsync(directory, queries.Changes(), !lookupsOnly, ct).ConfigureAwait(false),
        };
        if (output.EnterpriseSecurity.Enabled)
        {
            var rows = new IntelRows(session.Store.Flagged(cutoff), output.EnterpriseSecurity, session.Guard);
            written.AddRange(await IntelFiles.WriteAsync(directory, rows, ct).ConfigureAwait(false));
        }

        if (!lookupsOnly)
        {
            written.Add(await RejectsTable.WriteAsync(directory, queries.Rejects(), ct).ConfigureAwait(false));
        }

        if (output.Splunk.Hec && !lookupsOnly)
        {
            written.AddRange(await HecExport.WriteAsync(directory, queries, output.Splunk.HecIndex, ct).ConfigureAwait(false));
        }

        Report(written, changes);
        if (app is not null)
        {
            await new AppStage(session).WriteAsync(app, written, ct).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>Every folder an export writes into, each of which a killed export may have left temporary files in.</summary>
    private static IEnumerable<string> FoldersWritten(OutputOptions output)
    {
        yield return output.Directory;
        if (output.Splunk.Hec)
        {
            yield return Path.Combine(output.Directory, HecExport.Folder);
        }

        if (output.Splunk.App)
        {
            yield return AppStage.PackageFolder(output);
            foreach (var folder in SplunkApp.FoldersWritten(output.SplunkAppFolder))
            {
                yield return folder;
            }
        }
    }

    private void Report(List<TableWritten> written, ChangeCounts changes)
    {
        var console = session.Console;
        console.Info(string.Create(CultureInfo.InvariantCulture, $"changes since the last export: {changes.Added:N0} added, {changes.Removed:N0} removed"));
        foreach (var table in written)
        {
            console.Info(string.Create(CultureInfo.InvariantCulture, $"wrote {Counted.Of(table.Rows, "row")} to {string.Join(" and ", table.Paths)}"));
            if (table.Paths[0].EndsWith(".csv", StringComparison.Ordinal)
                && LookupSize.Warning(table.Paths[0], session.Options.Output.WarnAboveMegabytes) is { } warning)
            {
                console.Warn(warning);
            }
        }
    }
}
