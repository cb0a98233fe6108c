using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class SourcePriorityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_higher_ranked_source_goes_first_within_each_kind_but_never_before_a_better_kind()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Import(db, "exports/bulk.csv", SourceKind.Csv, "bulk-new.com", "bulk-failed.com");
        Import(db, "exports/critical/today.csv", SourceKind.Csv, "critical-new.com", "critical-failed.com");
        Import(db, "feed:https://example.org/feeds/domains.txt", SourceKind.Feed, "feed-new.com");
        var run = new RunLog(db).Start("test", Now);
        var writer = new AnswerWriter(db);
        writer.SaveFailure(Id(db, "bulk-failed.com"), "HTTP 503", Now, run);
        writer.SaveFailure(Id(db, "critical-failed.com"), "HTTP 503", Now, run);
        (string, int)[] ranks = [("exports/critical/*.csv", 10), ("feed:*", 5)];

        var order = new DueQueue(db).Load(Now, TimeSpan.FromDays(7), 0, ranks).Select(id => Value(db, id));

        order.ShouldBe(["critical-new.com", "feed-new.com", "bulk-new.com", "critical-failed.com", "bulk-failed.com"]);
    }

    [Fact]
    public void Without_ranks_the_order_is_import_order()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Import(db, "b.csv", SourceKind.Csv, "first.com");
        Import(db, "a.csv", SourceKind.Csv, "second.com");

        new DueQueue(db).Load(Now, TimeSpan.FromDays(7), 0, []).Select(id => Value(db, id)).ShouldBe(["first.com", "second.com"]);
    }

    private static void Import(SqliteConnection db, string source, SourceKind kind, params string[] domains)
    {
        using var writer = new ImportWriter(db, source, kind, Now);
        foreach (var domain in domains)
        {
            writer.Add(new Indicator(IndicatorType.Domain, domain));
        }

        writer.Complete();
    }

    private static long Id(SqliteConnection db, string value) => db.ExecuteScalar<long>("SELECT id FROM indicators WHERE value = $value", new { value });

    private static string Value(SqliteConnection db, long id) => db.ExecuteScalar<string>("SELECT value FROM indicators WHERE id = $id", new { id })!;
}
