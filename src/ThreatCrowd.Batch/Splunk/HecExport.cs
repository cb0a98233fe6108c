using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Writes the JSON tables again as HTTP Event Collector files, in a hec/ folder of their own so that a forwarder
/// watching the tables' .json files never picks up the HEC envelopes as well.
/// </summary>
internal static class HecExport
{
    public const string Folder = "hec";

    public static async Task<IReadOnlyList<TableWritten>> WriteAsync(string outputDirectory, ITableRows queries, string index, CancellationToken ct)
    {
        var folder = Path.Combine(outputDirectory, Folder);
        return
        [
            await HecFile.WriteAsync(
                Path.Combine(folder, IndicatorsTable.Name + ".json"), IndicatorsTable.Name, new IndicatorLayout(), r => r.LookedUpAt, index, queries.Indicators(), ct)
                .ConfigureAwait(false),
            await HecFile.WriteAsync(
                Path.Combine(folder, RelationsTable.Name + ".json"), RelationsTable.Name, new RelationLayout(), r => r.LookedUpAt, index, queries.Relations(), ct)
                .ConfigureAwait(false),
            await HecFile.WriteAsync(
                Path.Combine(folder, ChangesTable.Name + ".json"), ChangesTable.Name, new ChangeLayout(), r => r.DetectedAt, index, queries.Changes(), ct)
                .ConfigureAwait(false),
        ];
    }
}
