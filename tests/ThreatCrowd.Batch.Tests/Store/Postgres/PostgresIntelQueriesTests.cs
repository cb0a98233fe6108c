using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using static ThreatCrowd.Batch.Tests.Store.Postgres.TwinContent;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>The flagged indicators and their related items on PostgreSQL are those on SQLite, in the same order.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresIntelQueriesTests(PostgresCluster cluster)
{
    public static TheoryData<int> CutoffDays() => [0, 7];

    [Theory]
    [MemberData(nameof(CutoffDays))]
    public async Task The_listed_indicators_and_related_items_of_every_type_are_the_sqlite_stores(int maxAgeDays)
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);
        var cutoff = ExportCutoff.From(TimeSpan.FromDays(maxAgeDays), Day1.AddHours(2));
        var sqlite = new IntelQueries(stores.Sqlite, cutoff);
        var postgres = new PostgresIntelQueries(stores.Postgres, cutoff);

        foreach (var type in Enum.GetValues<IndicatorType>().Select(t => t.ToName()))
        {
            postgres.Listed(type).Select(Text).ToList().ShouldBe(sqlite.Listed(type).Select(Text).ToList(), type);
            postgres.Related(type).ToList().ShouldBe(sqlite.Related(type).ToList(), type);
        }

        sqlite.Listed("ip").Count().ShouldBe(maxAgeDays == 0 ? 2 : 1, "the old indicator is past a cut-off of 7 days");
    }

    [Fact]
    public async Task Related_values_are_lower_cased_in_ascii_only_and_named_with_their_first_parent()
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);

        var related = new PostgresIntelQueries(stores.Postgres, ExportCutoff.None).Related("domain").ToList();

        related.Select(r => r.Value).ShouldContain("\u00C9vil.example");
        related.Select(r => r.Value).ShouldContain("\u00E9vil.example");
        related.ShouldNotContain(r => r.Value == "alpha.example", "alpha.example is flagged itself");
        related.Single(r => r.Value == "zeta.example").FirstParent.ShouldBe(CnnDaily.Value);
        new IntelQueries(stores.Sqlite, ExportCutoff.None).Related("domain").Count().ShouldBe(related.Count);
    }
}
