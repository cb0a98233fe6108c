namespace ThreatCrowd.Batch.Runs;

/// <summary>What one import read: values accepted (distinct per source), repeats, rejects, and sources that failed.</summary>
internal sealed record ImportSummary(long Accepted, long Duplicates, long Rejected, int SourcesRead, int SourcesFailed);
