using System.Globalization;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>A count with its noun in the right number, as summaries print it: "1 indicator", "2,000 indicators".</summary>
internal static class Counted
{
    public static string Of(long count, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many ?? one + "s")}");
}
