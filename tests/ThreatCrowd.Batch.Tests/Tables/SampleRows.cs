
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tests.Tables;

/// <summary>
/// Rows as the store would hand them over for the real answers in samples/threatcrowd: aoldaily.com (a 2015 domain
/// report, no votes), 188.40.75.132 (an ip voted malicious and in the feed), the file ec8c89aa… with its hashes and
/// scans, and indicators not found, failed and still pending.
/// </summary>
internal static class SampleRows
{
    public static readonly DateTimeOffset Imported = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    // Fractions of a second and a non-UTC offset, which the tables must drop and convert.
    public static readonly DateTimeOffset LookedUp = new(2026, 11, 22, 1, 0, 10, 750, TimeSpan.Zero);
    public static readonly DateTimeOffset LookedUpInBerlin = new(2026, 11, 22, 2, 0, 20, TimeSpan.FromHours(1));

    public static IndicatorRow[] Indicators() =>
    [
        new("aoldaily.com", "domain", "found", null, "unknown", false, Counts(8, 0, 2, 0, 0, 0, 2, 0), null, null,
            "https://www.threatcrowd.org/domain.php?domain=aoldaily.com", "input/iocs.txt", Imported, LookedUp),
        new("188.40.75.132", "ip", "found", -1, "malicious", true, Counts(21, 36, 0, 0, 0, 0, 1, 0), null, null,
            "https://www.threatcrowd.org/ip.php?ip=188.40.75.132", "feed:ips.txt, input/iocs.txt", Imported, LookedUpInBerlin)
        {
            Context = "feodo: Pikabot; threatfox: botnet_cc, Cobalt Strike, confidence 100",
        },
        new("ec8c89aa5e521572c74e2dd02a4daf78", "file", "found", null, "unknown", false, Counts(0, 0, 0, 0, 1, 1, 0, 25),
            "ec8c89aa5e521572c74e2dd02a4daf78", "01f5c3905f2098650f16f50a1b26156586238bfe",
            "https://www.threatcrowd.org/malware.php?md5=ec8c89aa5e521572c74e2dd02a4daf78", "feed:hashes.txt",
            Imported, LookedUp),
        new("usnewssite.com", "domain", "not_found", null, "unknown", false, Counts(0, 0, 0, 0, 0, 0, 0, 0), null, null, null,
            "input/iocs.txt", Imported, LookedUp),
        new("william19770319@yahoo.com", "email", "failed", null, "unknown", false, Counts(0, 0, 0, 0, 0, 0, 0, 0), null, null, null,
            "input/iocs.txt", Imported, null),
        new("bücher.example", "domain", "pending", null, "unknown", false, Counts(0, 0, 0, 0, 0, 0, 0, 0), null, null, null,
            "input/ünicode & co.txt", Imported, null),
    ];

    /// <summary>The counts in the order of <see cref="RelationKind"/>: resolutions, hashes, emails, subdomains, domains, ips, references, scans.</summary>
    private static RelationCounts Counts(params int[] perKind)
    {
        var counts = default(RelationCounts);
        for (var kind = 0; kind < perKind.Length; kind++)
        {
            counts[(RelationKind)kind] = perKind[kind];
        }

        return counts;
    }

    public static RelationRow[] Relations() =>
    [
        new("aoldaily.com", "domain", "resolution", "50.116.42.33", "ip", "2013-09-03", LookedUp),
        new("aoldaily.com", "domain", "resolution", "66.228.48.134", "ip", null, LookedUp),
        new("aoldaily.com", "domain", "email", "william19770319@yahoo.com", "email", null, LookedUp),
        new("aoldaily.com", "domain", "reference", "http://blog.shadowserver.org/2013/02/", "reference", null, LookedUp),
        new("aoldaily.com", "domain", "reference", "Mandiant APT1, \"Appendix D\" FQDNs", "reference", null, LookedUp),
        new("188.40.75.132", "ip", "resolution", "NS2.ATYAFHOSTING.INFO", "domain", "2015-10-10", LookedUpInBerlin),
        new("ec8c89aa5e521572c74e2dd02a4daf78", "file", "scan", "Trojan/W32.Small.34304.EG", "antivirus", null, LookedUp),
        new("ec8c89aa5e521572c74e2dd02a4daf78", "file", "domain", "ks.aoldaily.com", "domain", null, LookedUp),
        new("aoldaily.com", "domain", "subdomain", "mail.bücher.aoldaily.com", "domain", null, LookedUp),
    ];

    public static RejectRow[] Rejects() =>
    [
        new("input/iocs.txt", 3, "10.0.0.1", "private address"),
        new("input/iocs.txt", 7, "hxxp://evil[.]com/a,b", "not an indicator"),
        new("feed:ips.txt", 12, "\"quoted\"", "not an indicator"),
        new("input/iocs.txt", 4_000_000_000, "aoldaily.com", "duplicate of line 2"),
    ];
}
