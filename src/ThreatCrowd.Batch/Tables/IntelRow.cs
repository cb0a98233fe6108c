namespace ThreatCrowd.Batch.Tables;

/// <summary>One row of an Enterprise Security threat-intel file: why, what, and how much ES should trust it (1 to 100).</summary>
internal sealed record IntelRow(string Description, string Value, int Weight);
