using System.Globalization;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Rewrites every table whole from the store, each through a temporary file and a rename, so a SIEM reading
/// the folder sees the previous complete table or the new one, never half of one. Needs no network.
/// </summary>
internal sealed class ExportStage(BatchSession session)
{
    public async Task<IReadOnlyList<TableWritten>> RunAsync(CancellationToken ct)
    {
        var directory = session.Options.Output.Directory;
        StaleTempFiles.Remove(directory);
        var queries = new TableQueries(session.Connection);
        var written = new List<TableWritten>
        {
            await IndicatorsTable.WriteAsync(directory, queries.Indicators(), ct).ConfigureAwait(false),
            await RelationsTable.WriteAsync(directory, queries.Relations(), ct).ConfigureAwait(false),
            await RejectsTable.WriteAsync(directory, queries.Rejects(), ct).ConfigureAwait(false),
        };
        foreach (var table in written)
        {
            session.Console.Info(string.Create(CultureInfo.InvariantCulture, $"wrote {table.Rows:N0} rows to {string.Join(" and ", table.Paths)}"));
        }

        return written;
    }
}
