namespace ThreatCrowd.Batch.Store;

/// <summary>One row of rejects.csv: a value that was not looked up, where it came from and why.</summary>
internal sealed record RejectRow(string Source, long Line, string Value, string Reason);
