using ThreatCrowd.Batch.Intel;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Files an earlier export left in the app's lookups/ that are no lookup of this one: the threat-intel tables after
/// Output:EnterpriseSecurity:Enabled was turned off, and the JSON tables, rejects.csv and HEC files that older
/// versions wrote there when Output:Directory was that folder. Splunk's validator rejects an app with a file in
/// lookups/ that no lookup definition names. Only names the program writes are removed; anything else is not its own.
/// </summary>
internal static class AppLeftovers
{
    private static readonly string[] JsonTables = [IndicatorsTable.Name, RelationsTable.Name, ChangesTable.Name];

    private static readonly string[] OwnFiles =
    [
        .. JsonTables.Select(t => t + ".csv"),
        .. IntelCollection.All.Select(c => c.Name + ".csv"),
        RejectsTable.Name + ".csv",
        .. JsonTables.Select(t => t + ".json"),
    ];

    public static void Remove(string appFolder, IEnumerable<string> lookupFiles)
    {
        var lookups = Path.Combine(appFolder, "lookups");
        if (!Directory.Exists(lookups))
        {
            return;
        }

        var keep = lookupFiles.ToHashSet(StringComparer.Ordinal);
        foreach (var file in OwnFiles.Where(f => !keep.Contains(f)))
        {
            File.Delete(Path.Combine(lookups, file));
        }

        var hec = Path.Combine(lookups, HecExport.Folder);
        if (Directory.Exists(hec))
        {
            foreach (var table in JsonTables)
            {
                File.Delete(Path.Combine(hec, table + ".json"));
            }

            if (!Directory.EnumerateFileSystemEntries(hec).Any())
            {
                Directory.Delete(hec);
            }
        }
    }
}
