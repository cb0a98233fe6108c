using Dapper;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
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

        using (var writer = new ImportWriter(db, "big.csv", SourceKind.Csv, Monday, batchSize: 20_000))
        {
            for (var i = 0; i < 45_000; i++)
            {
                writer.Add(new Indicator(IndicatorType.Domain, $"host{i}.example.net"));
            }

            writer.Complete();
        }

        db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(45_000);
        db.ExecuteScalar<long>("SELECT count(*) FROM provenance").ShouldBe(45_000);
    }

    [Fact]
    public void New_repeated_and_known_indicators_across_commits_get_the_provenance_and_counts_of_one_row_at_a_time()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Indicator D(string name) => new(IndicatorType.Domain, name);
        using (var earlier = new ImportWriter(db, "a.csv", SourceKind.Csv, Monday))
        {
            earlier.Add(D("known.com"));
            earlier.Add(D("known-elsewhere.com"));
            earlier.Complete();
        }

        using (var other = new ImportWriter(db, "b.csv", SourceKind.Csv, Monday))
        {
            other.Add(D("only-in-b.com"));
            other.Complete();
        }

        // Commits every two rows, so repeats of new indicators fall before and after their batch's provenance.
        var later = Monday.AddDays(1);
        using (var writer = new ImportWriter(db, "a.csv", SourceKind.Csv, later, batchSize: 2))
        {
            foreach (var name in new[] { "new1.com", "known.com", "new1.com", "new2.com", "only-in-b.com", "new2.com", "known.com", "new3.com" })
            {
                writer.Add(D(name));
            }

            writer.Reject(9, "bad", "reason");
            writer.Complete();
            (writer.Accepted, writer.Duplicates, writer.Rejected).ShouldBe((5L, 3L, 1L));
        }

        var at = UnixMs.From(later);
        var first = UnixMs.From(Monday);
        db.Query<(string, string, long, long)>(
            """
            SELECT i.value, s.name, p.first_seen_at, p.last_seen_at
            FROM provenance p JOIN indicators i ON i.id = p.indicator_id JOIN sources s ON s.id = p.source_id
            ORDER BY i.id, s.name
            """).ShouldBe(
            [
                ("known.com", "a.csv", first, at), ("known-elsewhere.com", "a.csv", first, first), ("only-in-b.com", "a.csv", at, at),
                ("only-in-b.com", "b.csv", first, first), ("new1.com", "a.csv", at, at), ("new2.com", "a.csv", at, at), ("new3.com", "a.csv", at, at),
            ]);
        db.Query<(string, long, long)>("SELECT value, first_imported_at, last_imported_at FROM indicators ORDER BY id").ShouldBe(
            [
                ("known.com", first, at), ("known-elsewhere.com", first, first), ("only-in-b.com", first, at),
                ("new1.com", at, at), ("new2.com", at, at), ("new3.com", at, at),
            ]);
    }

    private static void Import(Microsoft.Data.Sqlite.SqliteConnection db, string source, Action<ImportWriter> write)
    {
        using var writer = new ImportWriter(db, source, SourceKind.Csv, Monday);
        write(writer);
        writer.Complete();
    }
}
