namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// What is done with one column of a file, as <c>inspect</c> shows it: read as values (with the type its name
/// gives, if any), the type column, kept as context, skipped and counted, or ignored, and why.
/// </summary>
internal sealed record CsvColumnPlan(int Index, string Name, ColumnKind Kind, string? Hint, string Why);
