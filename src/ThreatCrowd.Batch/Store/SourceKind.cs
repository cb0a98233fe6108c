namespace ThreatCrowd.Batch.Store;

/// <summary>Where values come from: a CSV file, or a plain-text feed (being in a feed is intelligence in itself).</summary>
internal enum SourceKind
{
    Csv,
    Feed,
}
