using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_changes.csv and .json, what appeared and disappeared between exports, replacing both together.</summary>
internal static class ChangesTable
{
    public const string Name = "threatcrowd_changes";

    /// <summary>Without <paramref name="withJson"/>, only the CSV file: the output folder holds lookups alone.</summary>
    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<ChangeRow> rows, bool withJson, CancellationToken ct)
    {
        var layout = new ChangeLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, withJson ? layout : null, rows, ct);
    }
}
