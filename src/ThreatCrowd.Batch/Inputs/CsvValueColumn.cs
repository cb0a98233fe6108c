namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// A column that holds indicators. <paramref name="Hint"/> is the type its name states (a typed column such as
/// "md5"), or null when detection says; with <paramref name="UsesTypeCell"/>, the row's type cell says instead.
/// <paramref name="DisplayName"/> names it in problems.
/// </summary>
internal sealed record CsvValueColumn(int Index, string DisplayName, string? Hint, bool UsesTypeCell = false);
