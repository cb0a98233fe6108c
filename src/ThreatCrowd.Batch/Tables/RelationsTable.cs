using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_relations.csv and .json, one row per related item, replacing both together.</summary>
internal static class RelationsTable
{
    public const string Name = "threatcrowd_relations";

    /// <summary>Without <paramref name="withJson"/>, only the CSV file: the output folder holds lookups alone.</summary>
    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<RelationRow> rows, bool withJson, CancellationToken ct)
    {
        var layout = new RelationLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, withJson ? layout : null, rows, ct);
    }
}
