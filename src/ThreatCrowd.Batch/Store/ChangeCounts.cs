namespace ThreatCrowd.Batch.Store;

/// <summary>What one export found added and removed since the previous one.</summary>
internal sealed record ChangeCounts(long Added, long Removed);
