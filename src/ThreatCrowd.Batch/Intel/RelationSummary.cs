using System.Globalization;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Intel;

/// <summary>What an answer holds in words, such as "3 resolutions, 1 hash, 25 antivirus detections"; zero counts are left out.</summary>
internal static class RelationSummary
{
    public static string Of(RelationCounts counts)
    {
        var parts = new List<string>(RelationCounts.Length);
        foreach (var kind in RelationKindNames.All)
        {
            var count = counts[kind];
            if (count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {kind.Words(count)}"));
            }
        }

        return string.Join(", ", parts);
    }
}
