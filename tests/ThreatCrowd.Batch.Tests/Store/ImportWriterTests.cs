using Dapper;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class ImportWriterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Duplicates_within_and_across_sources_collapse_to_one_indicator_with_both_sources()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var domain = new Indicator(IndicatorType.Domain, "aoldaily.com");

        using (var csv = new ImportWriter(db, "a.csv", SourceKind.Csv, Monday))
        {
            csv.Add(domain);
            csv.Add(domain);
            csv.Complete();
            (csv.Accepted, csv.Duplicates).ShouldBe((1L, 1L));
        }

        using (var feed = new ImportWriter(db, "feed:http://x/feeds/domains.txt", SourceKind.Feed, Monday.AddHours(1)))
        {
            feed.Add(domain);
            feed.Complete();
        }

        db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(1);
        db.Query<string>("SELECT s.name FROM provenance p JOIN sources s ON s.id = p.source_id ORDER BY s.name")
            .ShouldBe(["a.csv", "feed:http://x/feeds/domains.txt"]);
        var times = db.QuerySingle<(long First, long Last)>("SELECT first_imported_at, last_imported_at FROM indicators");
        times.ShouldBe((UnixMs.From(Monday), UnixMs.From(Monday.AddHours(1))));
    }

    [Fact]
    public void The_same_value_as_two_types_is_two_indicators()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        using var writer = new ImportWriter(db, "a.csv", SourceKind.Csv, Monday);

        writer.Add(new Indicator(IndicatorType.Antivirus, "plugx"));
        writer.Add(new Indicator(IndicatorType.Domain, "plugx.com"));
        writer.Complete();

        db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(2);
    }

    [Fact]
    public void Reading_a_source_again_replaces_its_rejects_and_keeps_those_of_other_sources()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Import(db, "a.csv", w => w.Reject(2, "bad one", "reason a"));
        Import(db, "b.csv", w => w.Reject(5, "bad two", "reason b"));

        Import(db, "a.csv", w => w.Reject(3, "bad three", "reason c"));

        db.Query<(long, string)>("SELECT line, value FROM rejects ORDER BY line").ShouldBe([(3L, "bad three"), (5L, "bad two")]);
    }

    [Fact]
    public void A_huge_rejected_value_is_kept_by_its_start_only()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));

        Import(db, "junk.csv", w => w.Reject(7, new string('x', 10_000_000), "value longer than 2048 characters"));

        var stored = db.QuerySingle<string>("SELECT value FROM rejects");
        stored.Length.ShouldBe(257);
        stored.ShouldEndWith("…");
    }

    [Fact]
    public void More_rows_than_one_batch_are_all_stored()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));

        Import(db, "big.csv", w =>
        {
            for (var i = 0; i < 45_000; i++)
            {
                w.Add(new Indicator(IndicatorType.Domain, $"host{i}.example.net"));
            }
        });

        db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(45_000);
        db.ExecuteScalar<long>("SELECT count(*) FROM provenance").ShouldBe(45_000);
    }

    private static void Import(Microsoft.Data.Sqlite.SqliteConnection db, string source, Action<ImportWriter> write)
    {
        using var writer = new ImportWriter(db, source, SourceKind.Csv, Monday);
        write(writer);
        writer.Complete();
    }
}
