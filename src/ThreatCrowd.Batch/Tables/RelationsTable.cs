namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_relations.csv and .json, one row per related item, replacing both together.</summary>
internal static class RelationsTable
{
    public const string Name = "threatcrowd_relations";

    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<RelationRow> rows, CancellationToken ct)
    {
        var layout = new RelationLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, layout, rows, ct);
    }

    public static Task<TableWritten> WriteAsync(string outputDirectory, IAsyncEnumerable<RelationRow> rows, CancellationToken ct)
    {
        var layout = new RelationLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, layout, rows, ct);
    }
}
