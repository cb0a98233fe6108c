using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

/// <summary>
/// The table queries merge each side of a join by indicator id instead of asking SQLite to join; these hold them to
/// the plain SQL joins that define the tables, on a store with every awkward case in it.
/// </summary>
public sealed class TableQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private const string IndicatorsJoin =
        """
        SELECT i.value, i.type, i.state, a.votes,
               EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                       WHERE p.indicator_id = i.id AND s.kind = 'feed') AS in_feed,
               coalesce(c.resolution, 0), coalesce(c.hash, 0), coalesce(c.email, 0), coalesce(c.subdomain, 0),
               coalesce(c.domain, 0), coalesce(c.ip, 0), coalesce(c.reference, 0), coalesce(c.scan, 0),
               a.md5, a.sha1, a.permalink,
               coalesce((SELECT group_concat(name, ';') FROM (SELECT s.name FROM provenance p JOIN sources s ON s.id = p.source_id
                                                     WHERE p.indicator_id = i.id ORDER BY s.name)), ''),
               i.first_imported_at, a.answered_at
        FROM indicators i
        LEFT JOIN answers a ON a.indicator_id = i.id
        LEFT JOIN (SELECT indicator_id,
                          sum(relation = 'resolution') AS resolution, sum(relation = 'hash') AS hash,
                          sum(relation = 'email') AS email, sum(relation = 'subdomain') AS subdomain,
                          sum(relation = 'domain') AS domain, sum(relation = 'ip') AS ip,
                          sum(relation = 'reference') AS reference, sum(relation = 'scan') AS scan
                   FROM relations GROUP BY indicator_id) c ON c.indicator_id = i.id
        ORDER BY i.id
        """;

    private const string RelationsJoin =
        """
        SELECT i.value, i.type, r.relation, r.related, r.related_type, r.last_resolved, a.answered_at
        FROM relations r
        JOIN indicators i ON i.id = r.indicator_id
        JOIN answers a ON a.indicator_id = r.indicator_id
        ORDER BY r.indicator_id, r.relation, r.related
        """;

    [Fact]
    public void The_indicators_rows_are_those_of_the_plain_join()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Fill(db);

        var merged = new TableQueries(db, ExportCutoff.None).Indicators()
            .Select(r => string.Join('|', r.Indicator, r.Type, r.Status, r.Votes, r.InFeed ? 1 : 0, r.Resolutions, r.Hashes, r.Emails,
                r.Subdomains, r.Domains, r.Ips, r.References, r.Scans, r.Md5, r.Sha1, r.Permalink, r.Sources,
                UnixMs.From(r.FirstImportedAt), r.LookedUpAt is { } at ? UnixMs.From(at) : null))
            .ToList();

        merged.ShouldBe(Rows(db, IndicatorsJoin, 19));
        merged.Count.ShouldBe(6);
    }

    [Fact]
    public void The_relations_rows_are_those_of_the_plain_join()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Fill(db);

        var merged = new TableQueries(db, ExportCutoff.None).Relations()
            .Select(r => string.Join('|', r.Indicator, r.Type, r.Relation, r.Related, r.RelatedType, r.LastResolved, UnixMs.From(r.LookedUpAt)))
            .ToList();

        merged.ShouldBe(Rows(db, RelationsJoin, 7));
        merged.Count.ShouldBe(7);
    }

    /// <summary>
    /// Sources whose BINARY order differs from .NET's ordinal order (a character above U+E000 against one beyond
    /// U+FFFF), a feed, indicators without sources or answers, relations of a kind no column counts, relations of an
    /// indicator that has no answer, and ids with gaps.
    /// </summary>
    private static void Fill(SqliteConnection db)
    {
        var a = new Indicator(IndicatorType.Domain, "aoldaily.com");
        var b = new Indicator(IndicatorType.Ip, "188.40.75.132");
        var c = new Indicator(IndicatorType.Email, "x@y.com");
        var d = new Indicator(IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78");
        var e = new Indicator(IndicatorType.Antivirus, "plugx");
        foreach (var (source, kind, indicators) in new (string, SourceKind, Indicator[])[]
        {
            ("z.csv", SourceKind.Csv, [a, b, c]),
            ("\uE000.csv", SourceKind.Csv, [a, d]),
            ("\U0001F600.csv", SourceKind.Csv, [a, b]),
            ("feed:https://x/feeds/domains.txt", SourceKind.Feed, [b, e]),
        })
        {
            using var writer = new ImportWriter(db, source, kind, Now);
            foreach (var indicator in indicators)
            {
                writer.Add(indicator);
            }

            writer.Complete();
        }

        db.Execute("INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (40, 'domain', 'lonely.net', 1, 1)");
        var run = new RunLog(db).Start("test", Now);
        var answers = new AnswerWriter(db);
        answers.SaveAnswer(1, Answer(-1, new Relation(RelationKind.Resolution, "50.63.202.70", "ip", "2013-09-20"), new Relation(RelationKind.Subdomain, "ks.aoldaily.com", "domain", null)), Now, run);
        answers.SaveAnswer(4, Answer(null, new Relation(RelationKind.Scan, "Trojan.Win32", "antivirus", null), new Relation("unheard-of", "zzz", "reference", null)), Now.AddHours(1), run);
        answers.SaveAnswer(40, Answer(1, new Relation(RelationKind.Reference, "a report", "reference", null)), Now.AddHours(2), run);
        answers.SaveAnswer(2, Answer(0, new Relation(RelationKind.Resolution, "aoldaily.com", "domain", null), new Relation(RelationKind.Hash, "d41d8cd98f00b204e9800998ecf8427e", "file", null)), Now.AddHours(3), run);

        // Relations of an indicator that has no answer are in no table.
        db.Execute("INSERT INTO relations (indicator_id, relation, related, related_type) VALUES (3, 'domain', 'y.com', 'domain')");
    }

    private static LookupAnswer Answer(int? votes, params Relation[] relations) =>
        new(true, votes, "https://www.threatcrowd.org/x", "md5", null, relations, "{}");

    private static List<string> Rows(SqliteConnection db, string sql, int columns)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, columns).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
