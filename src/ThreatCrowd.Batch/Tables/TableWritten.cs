namespace ThreatCrowd.Batch.Tables;

/// <summary>A table that is in place: its name, the full paths of its files (CSV first) and how many rows each holds.</summary>
internal sealed record TableWritten(string Name, IReadOnlyList<string> Paths, long Rows);
