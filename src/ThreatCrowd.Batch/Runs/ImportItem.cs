using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Runs;

/// <summary>One source entry, classified: the indicator to store, or the reason it is a reject.</summary>
internal readonly record struct ImportItem(long Line, string Value, Indicator? Indicator, string? RejectReason);
