using ThreatCrowd.Batch.Pipelines;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// Writes a whole table in one pass over its rows, which are never held in memory together: a table may be
/// millions of rows streamed from the store.
/// </summary>
internal static class TableWriter
{
    public static async Task<TableWritten> WriteAsync<TRow>(
        string outputDirectory,
        string name,
        ICsvLayout<TRow> csvLayout,
        IJsonLayout<TRow>? jsonLayout,
        IEnumerable<TRow> rows,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var table = await TableFiles<TRow>.OpenAsync(outputDirectory, name, csvLayout, jsonLayout, ct).ConfigureAwait(false);
        await using (table.ConfigureAwait(false))
        {
            // The rows are read (from the store, mostly) on another core while these are formatted and written.
            foreach (var batch in ReadAhead.Batches(rows, ct))
            {
                table.WriteBatch(batch, ct);
            }

            return await table.CommitAsync(ct).ConfigureAwait(false);
        }
    }
}
