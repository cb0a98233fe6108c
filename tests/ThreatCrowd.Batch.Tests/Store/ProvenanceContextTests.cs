using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class ProvenanceContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly Indicator Pikabot = new(IndicatorType.Ip, "192.9.135.73");

    [Fact]
    public void What_each_source_said_is_kept_per_source_and_shown_together_in_the_indicators_table()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Import(db, "feodo.csv", Now, (Pikabot, "feodo: Pikabot"), (new Indicator(IndicatorType.Domain, "quiet.com"), null));
        Import(db, "threatfox.csv", Now, (Pikabot, "threatfox: botnet_cc, Cobalt Strike"));

        Contexts(db).ShouldBe(new Dictionary<string, string?>
        {
            ["192.9.135.73"] = "feodo: Pikabot; threatfox: botnet_cc, Cobalt Strike",
            ["quiet.com"] = null,
        });
    }

    [Fact]
    public void A_new_read_of_a_source_replaces_what_it_said_before()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Import(db, "feodo.csv", Now, (Pikabot, "feodo: Pikabot"));
        Import(db, "feodo.csv", Now.AddDays(1), (Pikabot, "feodo: QakBot"));

        db.ExecuteScalar<string>("SELECT context FROM provenance").ShouldBe("feodo: QakBot");
    }

    [Fact]
    public void The_first_mention_in_a_read_is_kept_even_across_batches()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        using (var writer = new ImportWriter(db, "big.csv", SourceKind.Csv, Now, batchSize: 2))
        {
            writer.Add(new Indicator(IndicatorType.Domain, "a.com"), "big: first");
            writer.Add(new Indicator(IndicatorType.Domain, "b.com"));
            writer.Add(new Indicator(IndicatorType.Domain, "a.com"), "big: second");
            writer.Add(new Indicator(IndicatorType.Domain, "c.com"), "big: third");
            writer.Complete();
        }

        Contexts(db).ShouldBe(new Dictionary<string, string?> { ["a.com"] = "big: first", ["b.com"] = null, ["c.com"] = "big: third" });
    }

    private static void Import(SqliteConnection db, string source, DateTimeOffset at, params (Indicator Indicator, string? Context)[] rows)
    {
        using var writer = new ImportWriter(db, source, SourceKind.Csv, at);
        foreach (var (indicator, context) in rows)
        {
            writer.Add(indicator, context);
        }

        writer.Complete();
    }

    private static Dictionary<string, string?> Contexts(SqliteConnection db) =>
        new TableQueries(db, ExportCutoff.None).Indicators().ToDictionary(row => row.Indicator, row => row.Context);
}
