using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Intel;

/// <summary>
/// Writes the four Enterprise Security threat-intel files, each whole through a temporary file and a rename. Every
/// export rewrites them from the store, so an indicator that leaves the store's flagged set (a changed verdict,
/// Output:MaxAge) leaves the file too. ES itself keeps an item that left a file until it is older than its threat
/// source's max_age (Output:EnterpriseSecurity:MaxAge), so it stops matching within that time, not at once.
/// IPv6 addresses are listed like IPv4 ones: ES documents ip_intel as holding "IP addresses", no family excluded.
/// </summary>
internal static class IntelFiles
{
    public static async Task<IReadOnlyList<TableWritten>> WriteAsync(string outputDirectory, IntelRows rows, CancellationToken ct)
    {
        var written = new List<TableWritten>();
        foreach (var collection in IntelCollection.All)
        {
            written.Add(await TableWriter.WriteAsync(
                outputDirectory, collection.Name, new IntelLayout(collection.Columns), jsonLayout: null, rows.For(collection), ct).ConfigureAwait(false));
        }

        return written;
    }
}
