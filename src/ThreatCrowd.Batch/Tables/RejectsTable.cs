using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes rejects.csv, the values that were not looked up. CSV only: it is read by people, not indexed.</summary>
internal static class RejectsTable
{
    public const string Name = "rejects";

    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<RejectRow> rows, CancellationToken ct) =>
        TableWriter.WriteAsync(outputDirectory, Name, new RejectLayout(), jsonLayout: null, rows, ct);
}
