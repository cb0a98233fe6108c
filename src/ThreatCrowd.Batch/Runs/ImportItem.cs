
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One source entry, classified: the indicator to store, or the reason it is a reject. <paramref name="Unreadable"/>
/// when the entry is no indicator at all (rather than one refused by policy, such as a private address).
/// </summary>
internal readonly record struct ImportItem(long Line, string Value, Indicator? Indicator, string? RejectReason, bool Unreadable = false);
