namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// A short name for the list a file is, shown before what it says about an indicator ("feodo: Pikabot"): the
/// producer when its header gives it away, else the file's name without its extension.
/// </summary>
internal static class SourceLabels
{
    // Normalized column names that only that producer's files carry together.
    private static readonly (string Label, string[] Columns)[] Producers =
    [
        ("feodo", ["dst_ip", "c2_status"]),
        ("threatfox", ["ioc_id", "ioc_value"]),
        ("urlhaus", ["urlhaus_link"]),
        ("malwarebazaar", ["sha256_hash", "file_type_guess"]),
        ("sslbl", ["listingreason"]),
        ("sslbl", ["listing_reason"]),
        ("misp", ["category", "to_ids"]),
        ("otx", ["indicator_type", "indicator"]),
        ("viriback", ["family", "url", "ip", "firstseen"]),
        ("phishtank", ["phish_id"]),
    ];

    /// <summary>The producer the normalized header names reveal, or null.</summary>
    public static string? Producer(IReadOnlyCollection<string> normalizedNames) =>
        Producers.FirstOrDefault(producer => producer.Columns.All(normalizedNames.Contains)).Label;

    public static string ForFile(string path, IReadOnlyCollection<string> normalizedNames) =>
        Producer(normalizedNames) ?? Path.GetFileNameWithoutExtension(path);
}
