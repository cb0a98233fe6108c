namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// A column that holds indicators. <paramref name="Hint"/> is the type its name states (a typed column such as
/// "md5"), or null when the row's type cell, if any, says it. <paramref name="DisplayName"/> names it in problems.
/// </summary>
internal sealed record CsvValueColumn(int Index, string DisplayName, string? Hint);
