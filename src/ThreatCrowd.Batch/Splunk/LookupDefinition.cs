namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// A lookup of the app: a CSV table in its lookups folder, and how many rows one key may match (1 for a table
/// with one row per key, up to Splunk's 1000 for one with many, such as the relations of an indicator).
/// </summary>
internal sealed record LookupDefinition(string Name, int MaxMatches)
{
    public const int ManyMatches = 1000;

    public string FileName => Name + ".csv";
}
