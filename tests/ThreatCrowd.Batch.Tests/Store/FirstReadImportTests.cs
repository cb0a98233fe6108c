using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

/// <summary>
/// A first read into an empty store leaves the unique index of indicators out, tells repeats by fingerprint, and builds
/// the index at its end: the store it leaves must be the one the ordinary path leaves, row for row.
/// </summary>
public sealed class FirstReadImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 1, 0, 0, TimeSpan.Zero);

    // Repeats within a batch and across batches, one value under two types, contexts on first and later mentions.
    private static readonly (Indicator Indicator, string? Context)[] Mentions =
    [
        (new Indicator(IndicatorType.Domain, "a.badhost.ru"), "feed: first"),
        (new Indicator(IndicatorType.Domain, "b.badhost.ru"), null),
        (new Indicator(IndicatorType.Domain, "a.badhost.ru"), "feed: second"),
        (new Indicator(IndicatorType.Antivirus, "a.badhost.ru"), "feed: family"),
        (new Indicator(IndicatorType.Ip, "185.220.101.4"), null),
        (new Indicator(IndicatorType.Domain, "b.badhost.ru"), "feed: late"),
        (new Indicator(IndicatorType.Domain, "c.badhost.ru"), "feed: third"),
        (new Indicator(IndicatorType.Antivirus, "a.badhost.ru"), null),
        (new Indicator(IndicatorType.Ip, "185.220.101.5"), null),
    ];

    [Theory]
    [InlineData(1)] // the index built after the first indicator: the rest on the ordinary path
    [InlineData(3)] // built in the middle of a batch
    public void A_first_read_leaves_the_store_the_ordinary_path_leaves(int firstReadLimit)
    {
        using var dir = new TempDirectory();
        var (deferred, deferredCounts) = ReadAll(dir.File("deferred.db"), FirstReadIndex.MaxCount);
        var (ordinary, ordinaryCounts) = ReadAll(dir.File("ordinary.db"), firstReadLimit);

        deferredCounts.ShouldBe((Accepted: 6L, Duplicates: 3L));
        deferredCounts.ShouldBe(ordinaryCounts);
        deferred.ShouldBe(ordinary);
        deferred.ShouldContain(row => row.StartsWith("indicator 3 antivirus a.badhost.ru ", StringComparison.Ordinal));
        deferred.ShouldContain(row => row.StartsWith("provenance 1 1 feed: first ", StringComparison.Ordinal));
        deferred.ShouldContain(row => row.StartsWith("provenance 2 1  ", StringComparison.Ordinal), "no context: the first mention had none");
        deferred.ShouldContain("count domain pending 3");
    }

    [Fact]
    public void After_a_first_read_the_index_is_back_and_the_next_read_finds_stored_indicators_through_it()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Read(db, "first.csv", batchSize: 2, FirstReadIndex.MaxCount, Mentions);

        IndicatorKey.Exists(db).ShouldBeTrue();
        Should.Throw<SqliteException>(() => db.Execute("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('domain', 'a.badhost.ru', 1, 1)"));
        var second = Read(db, "second.csv", batchSize: 2, FirstReadIndex.MaxCount, (new Indicator(IndicatorType.Domain, "a.badhost.ru"), null), (new Indicator(IndicatorType.Domain, "d.badhost.ru"), null));
        second.ShouldBe((Accepted: 2L, Duplicates: 0L));
        db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(7);
        db.Query("EXPLAIN QUERY PLAN SELECT id FROM indicators WHERE type = 'domain' AND value = 'a.badhost.ru'")
            .Select(row => (string)row.detail).ShouldContain(detail => detail.Contains("indicators_type_value"));
    }

    [Fact]
    public void An_interrupted_first_read_keeps_its_committed_batches_and_gives_the_store_its_index_back()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        using (var writer = new ImportWriter(db, "in.csv", SourceKind.Csv, Now, batchSize: 2))
        {
            foreach (var (indicator, context) in Mentions.Take(3))
            {
                writer.Add(indicator, context);
            }

            IndicatorKey.Exists(db).ShouldBeFalse("left out while the read goes on");
        }

        db.Query<string>("SELECT value FROM indicators ORDER BY id").ShouldBe(["a.badhost.ru", "b.badhost.ru"]);
        IndicatorKey.Exists(db).ShouldBeTrue();
        db.Query<string>("SELECT type || ' ' || state || ' ' || count FROM indicator_counts").ShouldBe(["domain pending 2"]);
    }

    [Fact]
    public void A_store_a_killed_read_left_without_its_index_gets_it_back_from_the_next_process_that_works_on_it_only()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using (var db = StoreDatabase.Open(path))
        {
            Read(db, "in.csv", batchSize: 2, FirstReadIndex.MaxCount, Mentions);
            db.Execute("DROP INDEX indicators_type_value"); // as a read killed after its first commit leaves it
        }

        using (var reader = SqliteStore.Open(path, exclusive: false))
        {
            reader.Counts.CountsByTypeAndState().Sum(row => row.Count).ShouldBe(6, "a reader works on the store without the index");
            reader.Queue.Find(3)!.Indicator.ShouldBe(new Indicator(IndicatorType.Antivirus, "a.badhost.ru"));
        }

        using (var db = StoreDatabase.Open(path))
        {
            IndicatorKey.Exists(db).ShouldBeFalse("a reader such as status may run beside the read: it does not build the index");
        }

        using (SqliteStore.Open(path, exclusive: true))
        {
        }

        using (var db = StoreDatabase.Open(path))
        {
            IndicatorKey.Exists(db).ShouldBeTrue();
        }
    }

    [Fact]
    public void A_read_into_a_store_that_holds_indicators_keeps_the_index_throughout()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Read(db, "first.csv", batchSize: 2, FirstReadIndex.MaxCount, Mentions.Take(1).ToArray());
        using var writer = new ImportWriter(db, "second.csv", SourceKind.Csv, Now, batchSize: 2);
        writer.Add(new Indicator(IndicatorType.Domain, "e.badhost.ru"));

        IndicatorKey.Exists(db).ShouldBeTrue();
    }

    private static (List<string> Rows, (long Accepted, long Duplicates) Counts) ReadAll(string path, int firstReadLimit)
    {
        using var db = StoreDatabase.Open(path);
        var counts = Read(db, "feed.csv", batchSize: 2, firstReadLimit, Mentions);
        return (Dump(db), counts);
    }

    private static (long Accepted, long Duplicates) Read(SqliteConnection db, string source, int batchSize, int firstReadLimit, params (Indicator Indicator, string? Context)[] mentions)
    {
        using var writer = new ImportWriter(db, source, SourceKind.Csv, Now, batchSize, firstReadLimit);
        foreach (var (indicator, context) in mentions)
        {
            writer.Add(indicator, context);
        }

        writer.Complete();
        return (writer.Accepted, writer.Duplicates);
    }

    private static List<string> Dump(SqliteConnection db) =>
        db.Query<string>(
            """
            SELECT 'indicator ' || id || ' ' || type || ' ' || value || ' ' || first_imported_at || ' ' || last_imported_at || ' ' || state || ' ' || depth FROM indicators
            UNION ALL SELECT 'provenance ' || indicator_id || ' ' || source_id || ' ' || coalesce(context, '') || ' ' || first_seen_at || ' ' || last_seen_at FROM provenance
            UNION ALL SELECT 'count ' || type || ' ' || state || ' ' || count FROM indicator_counts
            UNION ALL SELECT 'index ' || name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'indicators'
            ORDER BY 1
            """).ToList();
}
