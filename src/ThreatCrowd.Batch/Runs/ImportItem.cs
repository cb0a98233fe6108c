using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One source entry, classified: the indicator to store (with what the source said about it), the reason it is a
/// reject, or the reason it was skipped as not a lookup (counted, not rejected).
/// </summary>
internal readonly record struct ImportItem(long Line, string Value, Indicator? Indicator, string? RejectReason, string? Skipped = null, string? Context = null);
