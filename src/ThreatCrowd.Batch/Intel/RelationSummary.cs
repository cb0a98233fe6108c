using System.Globalization;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Intel;

/// <summary>What an answer holds in words, such as "3 resolutions, 1 hash, 25 antivirus detections"; zero counts are left out.</summary>
internal static class RelationSummary
{
    public static string Of(RelationCounts counts)
    {
        var parts = new List<string>(8);
        Add(parts, counts.Resolutions, "resolution", "resolutions");
        Add(parts, counts.Hashes, "hash", "hashes");
        Add(parts, counts.Emails, "e-mail address", "e-mail addresses");
        Add(parts, counts.Subdomains, "subdomain", "subdomains");
        Add(parts, counts.Domains, "domain", "domains");
        Add(parts, counts.Ips, "IP address", "IP addresses");
        Add(parts, counts.References, "reference", "references");
        Add(parts, counts.Scans, "antivirus detection", "antivirus detections");
        return string.Join(", ", parts);
    }

    private static void Add(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}"));
        }
    }
}
