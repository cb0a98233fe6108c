namespace ThreatCrowd.Batch.Bench.Report;

/// <summary>
/// One reported figure: what it is, its value as printed, the target it is held to (empty for a figure that only
/// informs), whether it meets it (null when there is no target), and the command that produced it.
/// </summary>
internal sealed record Figure(string Suite, string Name, string Value, string Target, bool? Met, string Command);
