using System.Globalization;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Values a source itself says are not lookups (a MISP link, an OTX FileHash-IMPHASH, a certificate fingerprint),
/// counted per reason for the import summary instead of being listed row by row in rejects.csv.
/// </summary>
internal sealed class SkipCounts
{
    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public void Add(string reason)
    {
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
        Total++;
    }

    /// <summary>", 7 skipped as not lookups (type "link" 2, ...)", or empty when nothing was skipped.</summary>
    public string Summary()
    {
        if (Total == 0)
        {
            return "";
        }

        var c = CultureInfo.InvariantCulture;
        var parts = _byReason.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => string.Create(c, $"{pair.Key}: {pair.Value:N0}"));
        return string.Create(c, $", {Total:N0} skipped ({string.Join("; ", parts)})");
    }
}
