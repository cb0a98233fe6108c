namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The indicators of one type that the crowd flags as malicious (voted malicious, or named by a feed), and the items
/// related to them, for the threat-intel files; both in import order.
/// </summary>
internal interface IFlaggedRows
{
    IEnumerable<ListedIndicator> Listed(string type);

    IEnumerable<RelatedIndicator> Related(string type);
}
