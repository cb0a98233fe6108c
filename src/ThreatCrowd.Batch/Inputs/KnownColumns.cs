using System.Collections.Frozen;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The column names an input CSV may use: a generic column for the indicator, a "type" column that says what it
/// is, or columns named after a type (every type hint name, such as domain, ip, md5, url, file_hash).
/// </summary>
internal static class KnownColumns
{
    public const string Type = "type";

    private static readonly FrozenSet<string> Generic =
        new[] { "indicator", "ioc", "value", "observable" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A header cell as it is matched: trimmed (a byte order mark too) and lower-case.</summary>
    public static string Normalize(string header) => header.Trim().Trim('\uFEFF').Trim().ToLowerInvariant();

    public static bool IsGeneric(string normalized) => Generic.Contains(normalized);

    public static bool IsTyped(string normalized) => TypeHint.IsKnown(normalized);

    public static bool IsKnown(string normalized) => normalized == Type || IsGeneric(normalized) || IsTyped(normalized);
}
