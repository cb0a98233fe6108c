namespace ThreatCrowd.Batch.Inputs;

/// <summary>A file's header: its line, its cells, and whether it was commented out (# "first_seen_utc",...).</summary>
internal sealed record CsvHeader(long Line, string[] Cells, bool Commented);
