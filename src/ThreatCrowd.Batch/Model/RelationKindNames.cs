using System.Collections.Immutable;

namespace ThreatCrowd.Batch.Model;

/// <summary>
/// How each <see cref="RelationKind"/> is spelled: as stored (and written to the relations table), as the column of
/// its count in the indicators table, and in words (one, many), in one line per kind.
/// </summary>
internal static class RelationKindNames
{
    private static readonly Spelling[] Spellings =
    [
        new(RelationKind.Resolution, "resolution", "resolutions", "resolution", "resolutions"),
        new(RelationKind.Hash, "hash", "hashes", "hash", "hashes"),
        new(RelationKind.Email, "email", "emails", "e-mail address", "e-mail addresses"),
        new(RelationKind.Subdomain, "subdomain", "subdomains", "subdomain", "subdomains"),
        new(RelationKind.Domain, "domain", "domains", "domain", "domains"),
        new(RelationKind.Ip, "ip", "ips", "IP address", "IP addresses"),
        new(RelationKind.Reference, "reference", "references", "reference", "references"),
        new(RelationKind.Scan, "scan", "scans", "antivirus detection", "antivirus detections"),
    ];

    public static readonly string Resolution = RelationKind.Resolution.ToName();
    public static readonly string Hash = RelationKind.Hash.ToName();
    public static readonly string Email = RelationKind.Email.ToName();
    public static readonly string Subdomain = RelationKind.Subdomain.ToName();
    public static readonly string Domain = RelationKind.Domain.ToName();
    public static readonly string Ip = RelationKind.Ip.ToName();
    public static readonly string Reference = RelationKind.Reference.ToName();
    public static readonly string Scan = RelationKind.Scan.ToName();

    /// <summary>Every kind, in the order of <see cref="RelationKind"/> (the order the indicators table shows their counts).</summary>
    public static ImmutableArray<RelationKind> All { get; } = [.. Spellings.Select(s => s.Kind)];

    /// <summary>As stored and written to the relations table.</summary>
    public static string ToName(this RelationKind kind) => Spellings[(int)kind].Name;

    /// <summary>The column of the kind's count in the indicators table.</summary>
    public static string ToCountColumn(this RelationKind kind) => Spellings[(int)kind].CountColumn;

    /// <summary>A count of the kind in words ("1 hash", "3 IP addresses").</summary>
    public static string Words(this RelationKind kind, int count) => count == 1 ? Spellings[(int)kind].One : Spellings[(int)kind].Many;

    /// <summary>The kind stored under <paramref name="name"/>; false for a name of no kind (never counted).</summary>
    public static bool TryParse(string name, out RelationKind kind)
    {
        foreach (var spelling in Spellings)
        {
            if (string.Equals(spelling.Name, name, StringComparison.Ordinal))
            {
                kind = spelling.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private sealed record Spelling(RelationKind Kind, string Name, string CountColumn, string One, string Many);
}
