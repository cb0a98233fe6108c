namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// What one import read: values accepted (distinct per source), repeats within a source, rejects, sources read and
/// failed, and <paramref name="Distinct"/>, the distinct indicators all sources together named.
/// </summary>
internal sealed record ImportSummary(long Accepted, long Duplicates, long Rejected, int SourcesRead, int SourcesFailed, long Distinct)
{
    /// <summary>Mentions beyond the first of each indicator, within a source or across sources.</summary>
    public long Repeats => Accepted + Duplicates - Distinct;
}
