using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>Which tables the app serves as lookups, and how many rows one key may match in each.</summary>
internal static class AppLookups
{
    /// <summary>
    /// One indicator has many related items and many changes; every other lookup table has one row per key.
    /// rejects.csv is not a lookup: it is for the operator, not for searches.
    /// </summary>
    public static LookupDefinition? For(string tableName) => tableName switch
    {
        RejectsTable.Name => null,
        RelationsTable.Name or ChangesTable.Name => new LookupDefinition(tableName, LookupDefinition.ManyMatches),
        _ => new LookupDefinition(tableName, 1),
    };
}
