using Dapper;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class PivotWriterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pivot_creates_an_indicator_once_counted_and_one_already_stored_keeps_its_least_depth_uncounted()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        using (var import = new ImportWriter(db, "in.csv", SourceKind.Csv, Monday))
        {
            import.Add(new Indicator(IndicatorType.Domain, "aoldaily.com"));
            import.Complete();
        }

        using (var transaction = db.BeginTransaction())
        {
            var pivots = new PivotWriter(db, transaction);
            pivots.Add(new Indicator(IndicatorType.Ip, "50.63.202.70"), "pivot:aoldaily.com:resolution", 2, Monday.AddHours(1));
            pivots.Add(new Indicator(IndicatorType.Ip, "50.63.202.70"), "pivot:other.com:resolution", 1, Monday.AddHours(2));
            pivots.Add(new Indicator(IndicatorType.Domain, "aoldaily.com"), "pivot:50.63.202.70:resolution", 2, Monday.AddHours(3));
            transaction.Commit();
        }

        db.Query<(string, long, long)>("SELECT value, depth, last_imported_at FROM indicators ORDER BY id").ShouldBe(
            [("aoldaily.com", 0L, UnixMs.From(Monday.AddHours(3))), ("50.63.202.70", 1L, UnixMs.From(Monday.AddHours(2)))]);
        db.ExecuteScalar<long>("SELECT count(*) FROM provenance").ShouldBe(4);
        var kept = db.Query<string>("SELECT type || ' ' || state || ' ' || count FROM indicator_counts WHERE count > 0 ORDER BY type, state").ToList();
        kept.ShouldBe(["domain pending 1", "ip pending 1"]);
    }
}
