
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One source entry, classified: the indicator to store (with what the source said about it), the reason it is a
/// reject, or the reason it was skipped as not a lookup (counted, not rejected). <paramref name="Unreadable"/> when
/// the entry is no indicator at all (rather than one refused by policy, such as a private address).
/// </summary>
internal readonly record struct ImportItem(
    long Line, string Value, Indicator? Indicator, string? RejectReason, bool Unreadable = false, string? Skipped = null, string? Context = null);
