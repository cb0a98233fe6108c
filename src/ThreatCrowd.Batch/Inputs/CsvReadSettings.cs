namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// What the user says about how to read a file, for the rare file detection gets wrong (Sources:Files):
/// <paramref name="Columns"/> are the only value columns (header names, or 1-based numbers without a header);
/// <paramref name="Type"/> is the type of every value; <paramref name="HeaderLine"/> is the header's line (0: the
/// file has none; null: detect it). <paramref name="MispToIdsOnly"/> reads only MISP attributes flagged to_ids.
/// </summary>
internal sealed record CsvReadSettings(IReadOnlyList<string> Columns, string? Type, long? HeaderLine, bool MispToIdsOnly)
{
    public static CsvReadSettings Detect { get; } = new([], null, null, false);
}
