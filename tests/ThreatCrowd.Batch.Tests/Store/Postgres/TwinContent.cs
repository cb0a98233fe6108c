using System.Globalization;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>
/// The content both stores of <see cref="TwinStores"/> are given, with every case where PostgreSQL's defaults would
/// differ from SQLite's: source names and related values whose byte order is not a language's order ("B" before
/// "a", "Ä" and private-use characters, a character beyond U+FFFF), capitals and accents that only ASCII lower-casing
/// leaves, values listed out of their sorted order across several import batches, rejects sharing a line, answers of
/// the real fixtures, a failure after an answer, pivots, an indicator never answered and one past the cut-off.
/// </summary>
internal static class TwinContent
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    public static readonly Indicator AolDaily = new(IndicatorType.Domain, "aoldaily.com");
    public static readonly Indicator Google = new(IndicatorType.Domain, "google.com");
    public static readonly Indicator CnnDaily = new(IndicatorType.Domain, "cnndaily.com");
    public static readonly Indicator Ip = new(IndicatorType.Ip, "188.40.75.132");
    public static readonly Indicator Email = new(IndicatorType.Email, "william19770319@yahoo.com");
    public static readonly Indicator File = new(IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78");
    public static readonly Indicator PlugX = new(IndicatorType.Antivirus, "plugx");
    public static readonly Indicator Pending = new(IndicatorType.Domain, "zz-pending.example");
    public static readonly Indicator Old = new(IndicatorType.Ip, "198.51.100.7");
    public static readonly Indicator Flagged = new(IndicatorType.Domain, "alpha.example");

    /// <summary>What cnndaily.com answers first: voted malicious, related to values only bytes order alike.</summary>
    public static LookupAnswer CnnFirst => new(
        true, -1, "https://www.threatcrowd.org/domain.php?domain=cnndaily.com", null, null,
        [
            Item(RelationKindNames.Subdomain, "Zeta.example", "domain"),
            Item(RelationKindNames.Subdomain, "alpha.example", "domain"),
            Item(RelationKindNames.Subdomain, "\u00C9VIL.example", "domain"),
            Item(RelationKindNames.Subdomain, "\u00E9vil.example", "domain"),
            Item(RelationKindNames.Subdomain, "Dup.example", "domain"),
            Item(RelationKindNames.Domain, "dup.example", "domain"),
            Item(RelationKindNames.Subdomain, "_under.example", "domain"),
            new Relation(RelationKindNames.Resolution, "203.0.113.9", "ip", "2015-02-17"),
            new Relation(RelationKindNames.Resolution, "192.0.2.44", "ip", null),
            Item(RelationKindNames.Email, "Admin@Zeta.example", "email"),
            Item(RelationKindNames.Email, "admin@zeta.example", "email"),
        ],
        "{\"response_code\":\"1\"}");

    /// <summary>What cnndaily.com answers a week later: unknown now, an item dropped, one added, one kept.</summary>
    public static LookupAnswer CnnLater => new(
        true, null, "https://www.threatcrowd.org/domain.php?domain=cnndaily.com", null, null,
        [
            Item(RelationKindNames.Subdomain, "Zeta.example", "domain"),
            Item(RelationKindNames.Subdomain, "beta.example", "domain"),
            new Relation(RelationKindNames.Resolution, "203.0.113.9", "ip", "2015-03-01"),
        ],
        "{\"response_code\":\"1\"}");

    /// <summary>Fills both stores; returns the run of the first day, finished.</summary>
    public static long Fill(TwinStores stores)
    {
        stores.Import("z.csv", Day1.AddDays(-40), Old);
        stores.Import(
            "z.csv",
            Day1,
            AolDaily,
            (Ip, "feodo: Pikabot"),
            (4L, "not-an-ioc", "not recognized"),
            (4L, "also-not", "not recognized"),
            (2L, "x", "too short"),
            CnnDaily,
            Pending);
        stores.Import("B.csv", Day1, (3L, "first", "not recognized"), (3L, "second", "hint mismatch"), Google);
        stores.Import("a.csv", Day1, Email, PlugX, (1L, "a reject", "not recognized"), AolDaily, Flagged);
        stores.Import("\u00C4.csv", Day1, (File, "threatfox: botnet_cc"), Ip);
        stores.Import("\uE000.csv", Day1, AolDaily, File);
        stores.Import("\U0001F600.csv", Day1, (Ip, "urlhaus: Cobalt Strike"), AolDaily);
        stores.Import("feed:https://x.example/feeds/domains.txt", Day1, (PlugX, "feed: plugx"), (Ip, "feodo: Pikabot"), Flagged);

        var run = stores.StartRun(Day1);
        stores.AnswerFromFixture(
            AolDaily,
            "domain_aoldaily.com.json",
            Day1.AddMinutes(1),
            run,
            new Pivot(new Indicator(IndicatorType.Ip, "50.63.202.70"), Pivot.SourceNameOf(AolDaily, RelationKindNames.Resolution), 1),
            new Pivot(new Indicator(IndicatorType.Domain, "ks.aoldaily.com"), Pivot.SourceNameOf(AolDaily, RelationKindNames.Subdomain), 1));
        stores.AnswerFromFixture(Google, "domain_google.com.json", Day1.AddMinutes(2), run);
        stores.AnswerFromFixture(Ip, "ip_188.40.75.132.json", Day1.AddMinutes(3), run);
        stores.AnswerFromFixture(Email, "email_william19770319@yahoo.com.json", Day1.AddMinutes(4), run);
        stores.AnswerFromFixture(File, "file_ec8c89aa5e521572c74e2dd02a4daf78.json", Day1.AddMinutes(5), run);
        stores.AnswerFromFixture(PlugX, "antivirus_plugx.json", Day1.AddMinutes(6), run);
        stores.Answer(CnnDaily, CnnFirst, Day1.AddMinutes(7), run);
        stores.Answer(Old, new LookupAnswer(true, -1, null, null, null, [new Relation(RelationKindNames.Resolution, "old.example", "domain", null)], "{}"), Day1.AddMinutes(8), run);
        stores.Answer(Flagged, new LookupAnswer(true, -1, null, null, null, [Item(RelationKindNames.Subdomain, "ALPHA.example", "domain")], "{}"), Day1.AddMinutes(9), run);
        stores.Fail(PlugX, "HTTP 500", Day1.AddHours(1), run);
        stores.Fail(new Indicator(IndicatorType.Ip, "50.63.202.70"), "timeout", Day1.AddHours(1), run);
        stores.FinishRun(run, Day1.AddMinutes(10));
        return run;
    }

    public static string Text(IndicatorRow r) => string.Join(
        '|',
        r.Indicator, r.Type, r.Status, r.Votes, r.Verdict, r.InFeed, string.Join(',', RelationKindNames.All.Select(k => r.Counts[k])), r.Md5, r.Sha1,
        r.Permalink, r.Sources, Ms(r.FirstImportedAt), r.LookedUpAt is { } at ? Ms(at) : "-", r.Depth, r.Context ?? "-");

    public static string Text(ListedIndicator r) => string.Join(
        '|', r.Value, r.Votes, r.InFeed, r.Answered, r.Found, r.Md5, r.Sha1, string.Join(',', RelationKindNames.All.Select(k => r.Counts[k])));

    private static string Ms(DateTimeOffset at) => UnixMs.From(at).ToString(CultureInfo.InvariantCulture);

    private static Relation Item(string kind, string value, string type) => new(kind, value, type, null);
}
