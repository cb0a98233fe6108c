using Dapper;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class AnswerWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_answer_replaces_the_previous_one_with_its_relations_and_counts_in_the_run()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = ImportOne(db);
        var run = new RunLog(db).Start("test", Now);
        var writer = new AnswerWriter(db);
        writer.SaveAnswer(id, Answer(-1, new Relation(RelationKind.Resolution, "50.63.202.70", "ip", "2013-09-20")), Now, run);

        writer.SaveAnswer(id, Answer(1, new Relation(RelationKind.Email, "x@y.com", "email", null)), Now.AddDays(8), run);

        db.Query<string>("SELECT related FROM relations").ShouldBe(["x@y.com"]);
        db.QuerySingle<(long Votes, long At)>("SELECT votes, answered_at FROM answers").ShouldBe((1L, UnixMs.From(Now.AddDays(8))));
        db.QuerySingle<string>("SELECT state FROM indicators").ShouldBe("found");
        new RunLog(db).Get(run)!.ShouldSatisfyAllConditions(r => r.LookedUp.ShouldBe(2), r => r.Found.ShouldBe(2));
    }

    [Fact]
    public void A_failure_keeps_the_earlier_answer_and_its_relations()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = ImportOne(db);
        var run = new RunLog(db).Start("test", Now);
        var writer = new AnswerWriter(db);
        writer.SaveAnswer(id, Answer(null, new Relation(RelationKind.Hash, "d41d8cd98f00b204e9800998ecf8427e", "file", null)), Now, run);

        writer.SaveFailure(id, "HTTP 503 Service Temporarily Unavailable", Now.AddDays(8), run);

        db.QuerySingle<(string State, string Error, long Failures)>("SELECT state, last_error, failures FROM indicators")
            .ShouldBe(("failed", "HTTP 503 Service Temporarily Unavailable", 1L));
        db.ExecuteScalar<long>("SELECT count(*) FROM relations").ShouldBe(1);
        var row = new TableQueries(db, ExportCutoff.None).Indicators().Single();
        (row.Status, row.Hashes, row.LookedUpAt).ShouldBe(("failed", 1, Now));
    }

    [Fact]
    public void The_tables_show_counts_verdict_feed_membership_and_sources()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = ImportOne(db);
        using (var feed = new ImportWriter(db, "feed:f", SourceKind.Feed, Now))
        {
            feed.Add(new Indicator(IndicatorType.Domain, "aoldaily.com"));
            feed.Complete();
        }

        new AnswerWriter(db).SaveAnswer(
            id,
            Answer(-1, new Relation(RelationKind.Resolution, "1.2.3.4", "ip", "2015-01-01"), new Relation(RelationKind.Resolution, "1.2.3.5", "ip", null), new Relation(RelationKind.Email, "a@b.com", "email", null)),
            Now,
            new RunLog(db).Start("test", Now));

        var row = new TableQueries(db, ExportCutoff.None).Indicators().Single();

        (row.Indicator, row.Type, row.Status, row.Votes, row.Verdict, row.InFeed).ShouldBe(("aoldaily.com", "domain", "found", (int?)-1, "malicious", true));
        (row.Resolutions, row.Emails, row.Hashes).ShouldBe((2, 1, 0));
        row.Sources.ShouldBe("feed:f;in.csv");
        new TableQueries(db, ExportCutoff.None).Relations().Select(r => (r.Related, r.LastResolved)).ShouldBe([("a@b.com", null), ("1.2.3.4", "2015-01-01"), ("1.2.3.5", null)]);
    }

    private static LookupAnswer Answer(int? votes, params Relation[] relations) =>
        new(true, votes, "https://www.threatcrowd.org/domain.php?domain=aoldaily.com", null, null, relations, "{}");

    private static long ImportOne(Microsoft.Data.Sqlite.SqliteConnection db)
    {
        using var writer = new ImportWriter(db, "in.csv", SourceKind.Csv, Now);
        writer.Add(new Indicator(IndicatorType.Domain, "aoldaily.com"));
        writer.Complete();
        return db.ExecuteScalar<long>("SELECT id FROM indicators");
    }
}
