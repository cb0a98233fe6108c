namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_changes.csv and .json, what appeared and disappeared between exports, replacing both together.</summary>
internal static class ChangesTable
{
    public const string Name = "threatcrowd_changes";

    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<ChangeRow> rows, CancellationToken ct)
    {
        var layout = new ChangeLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, layout, rows, ct);
    }
}
