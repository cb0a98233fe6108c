using Dapper;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using static ThreatCrowd.Batch.Tests.Store.Postgres.TwinContent;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>The rows of every output table on PostgreSQL are those on SQLite for the same content, in the same order.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresTableQueriesTests(PostgresCluster cluster)
{
    public static TheoryData<int> CutoffDays() => [0, 7];

    [Theory]
    [MemberData(nameof(CutoffDays))]
    public async Task The_indicators_rows_are_the_sqlite_stores(int maxAgeDays)
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);
        var cutoff = Cutoff(maxAgeDays);

        var expected = new TableQueries(stores.Sqlite, cutoff).Indicators().Select(Text).ToList();
        var actual = new PostgresTableQueries(stores.Postgres, cutoff).Indicators().Select(Text).ToList();

        actual.ShouldBe(expected);
        expected.Count.ShouldBe(maxAgeDays == 0 ? 12 : 11);
    }

    [Theory]
    [MemberData(nameof(CutoffDays))]
    public async Task The_relations_rows_are_the_sqlite_stores(int maxAgeDays)
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);
        var cutoff = Cutoff(maxAgeDays);

        var expected = new TableQueries(stores.Sqlite, cutoff).Relations().ToList();
        var actual = new PostgresTableQueries(stores.Postgres, cutoff).Relations().ToList();

        actual.ShouldBe(expected);
        expected.Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task The_rejects_rows_are_the_sqlite_stores_in_the_order_written_within_a_line()
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);
        await using (var connection = await stores.Postgres.OpenConnectionAsync())
        {
            // An update writes the row anew at the table's end: the order of its pages is no longer the order written.
            await connection.ExecuteAsync("UPDATE rejects SET reason = reason WHERE value IN ('first', 'not-an-ioc')");
        }

        var expected = new TableQueries(stores.Sqlite, ExportCutoff.None).Rejects().ToList();
        var actual = new PostgresTableQueries(stores.Postgres, ExportCutoff.None).Rejects().ToList();

        actual.ShouldBe(expected);
        expected.Select(r => r.Value).ShouldBe(["first", "second", "a reject", "x", "not-an-ioc", "also-not"]);
    }

    [Fact]
    public async Task The_changes_rows_are_the_sqlite_stores_over_several_exports()
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        var run = Fill(stores);
        var keep = TimeSpan.FromDays(30);
        var week = Day1.AddDays(7);

        var first = stores.Detect(ExportCutoff.None, run, Day1.AddMinutes(11), keep);
        var second = stores.StartRun(week);
        stores.Answer(CnnDaily, CnnLater, week, second);
        stores.Import("z.csv", week, CnnDaily, AolDaily);
        var later = stores.Detect(ExportCutoff.From(TimeSpan.FromDays(7), week), second, week.AddMinutes(1), keep);
        stores.FinishRun(second, week.AddMinutes(2));

        Same(stores);
        first.Added.ShouldBeGreaterThan(100);
        later.Removed.ShouldBeGreaterThan(10, "the indicators past the cut-off are removed, and a changed answer's dropped items");
        later.Added.ShouldBeGreaterThan(0);

        stores.Detect(ExportCutoff.None, null, Day1.AddDays(40), keep).ShouldNotBe(new ChangeCounts(0, 0));
        Same(stores);
        new TableQueries(stores.Sqlite, ExportCutoff.None).Changes().ShouldAllBe(c => c.DetectedAt >= Day1.AddDays(10), "older changes are pruned");
    }

    private static void Same(TwinStores stores) =>
        new PostgresTableQueries(stores.Postgres, ExportCutoff.None).Changes().ToList()
            .ShouldBe(new TableQueries(stores.Sqlite, ExportCutoff.None).Changes().ToList());

    private static ExportCutoff Cutoff(int maxAgeDays) => ExportCutoff.From(TimeSpan.FromDays(maxAgeDays), Day1.AddHours(2));
}
