namespace ThreatCrowd.Batch.Configuration;

/// <summary>The values of Lookup:PivotFrom: which answers' related items are followed.</summary>
internal static class PivotSources
{
    /// <summary>Only from indicators in a feed, voted malicious by the crowd (votes -1) or by the analysts.</summary>
    public const string Malicious = "malicious";

    public const string All = "all";
}
