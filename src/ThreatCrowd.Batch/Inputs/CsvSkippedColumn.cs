namespace ThreatCrowd.Batch.Inputs;

/// <summary>A column of values that look like indicators but are not lookups; each one is counted under <paramref name="Reason"/>.</summary>
internal sealed record CsvSkippedColumn(int Index, string Reason);
