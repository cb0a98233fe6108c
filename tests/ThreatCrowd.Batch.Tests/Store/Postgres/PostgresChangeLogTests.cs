using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Tests.Support;
using static ThreatCrowd.Batch.Tests.Store.Postgres.TwinContent;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>What change detection on PostgreSQL adds to SQLite's: several hosts share the store.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresChangeLogTests(PostgresCluster cluster)
{
    [Fact]
    public async Task The_run_in_progress_is_this_processs_unfinished_run_not_another_hosts()
    {
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        using var mine = new PostgresRunLog(store, "host-a:1:1");
        using var theirs = new PostgresRunLog(store, "host-b:2:2");
        var changes = new PostgresChangeLog(store, "host-a:1:1");

        var current = mine.Start("run", Day1);
        theirs.Start("run", Day1.AddMinutes(1));

        changes.RunInProgress().ShouldBe(current);
        mine.Finish(current, Day1.AddHours(1), "completed");
        changes.RunInProgress().ShouldBeNull("this process's run has ended; the other host's is not this one's");
    }

    [Fact]
    public async Task Two_hosts_exporting_at_once_record_each_change_once()
    {
        using var stores = await TwinStores.CreateAsync(cluster);
        Fill(stores);
        var alone = stores.SqliteChanges.Detect(ExportCutoff.None, null, Day1.AddHours(2), TimeSpan.FromDays(30));

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => stores.PostgresChanges.Detect(ExportCutoff.None, null, Day1.AddHours(2), TimeSpan.FromDays(30)))));

        both.Sum(c => c.Added).ShouldBe(alone.Added);
        both.ShouldContain(c => c.Added == 0 && c.Removed == 0, "the second found the snapshot already moved on");
        new PostgresTableQueries(stores.Postgres, ExportCutoff.None).Changes().ToList()
            .ShouldBe(new ThreatCrowd.Batch.Store.Sqlite.TableQueries(stores.Sqlite, ExportCutoff.None).Changes().ToList());
    }

    [Fact]
    public async Task A_version_1_store_gets_the_rejects_order_and_keeps_its_rejects()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "postgres-schema-v1.sql")));
            await connection.ExecuteAsync("INSERT INTO sources (id, name, kind) VALUES (1, 'a.csv', 'csv'); INSERT INTO rejects VALUES (1, 3, 'x', 'bad'), (1, 3, 'y', 'worse')");
        }

        using var store = PostgresDatabase.Open(connectionString);

        new PostgresTableQueries(store, ExportCutoff.None).Rejects().Select(r => r.Value).ShouldBe(["x", "y"]);
        await using var check = await store.OpenConnectionAsync();
        (await check.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version);
        var fresh = await cluster.CreateDatabaseAsync();
        PostgresDatabase.Open(fresh).Dispose();
        await using var other = new NpgsqlConnection(fresh);
        (await Columns(check)).ShouldBe(await Columns(other), "a migrated store has the columns of a new one");
    }

    [Fact]
    public async Task A_version_2_store_gets_the_index_of_the_claims_of_the_moment()
    {
        using var store = PostgresDatabase.Open(await StoreWithOneIndicatorAsync("postgres-schema-v2.sql"));

        await using var check = await store.OpenConnectionAsync();
        (await check.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version);
        (await check.ExecuteScalarAsync<string>("SELECT value FROM indicators")).ShouldBe("kept.example");
        (await Indexes(check)).ShouldBe(await FreshIndexesAsync(), "a migrated store has the indexes of a new one");
        (await Indexes(check)).ShouldContain(i => i.Contains("indicators_claimed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_version_3_store_gets_its_unique_key_by_value_first_and_keeps_its_indicators_distinct()
    {
        using var store = PostgresDatabase.Open(await StoreWithOneIndicatorAsync("postgres-schema-v3.sql"));

        await using var check = await store.OpenConnectionAsync();
        (await check.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version);
        (await Indexes(check)).ShouldBe(await FreshIndexesAsync(), "a migrated store has the indexes of a new one");
        (await Indexes(check)).ShouldContain("CREATE UNIQUE INDEX indicators_value_type_key ON public.indicators USING btree (value, type)");

        // The same indicator again is the stored one, found through the new key.
        await check.ExecuteAsync(
            "INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('domain', 'kept.example', 2, 2) ON CONFLICT (type, value) DO UPDATE SET last_imported_at = excluded.last_imported_at");
        (await check.QueryAsync<string>("SELECT value || ' ' || last_imported_at FROM indicators")).ShouldBe(["kept.example 2"]);
    }

    /// <summary>A new database made by a frozen schema of an older version, holding domain kept.example.</summary>
    private async Task<string> StoreWithOneIndicatorAsync(string frozenSchema)
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", frozenSchema)));
        await connection.ExecuteAsync("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('domain', 'kept.example', 1, 1)");
        return connectionString;
    }

    private async Task<List<string>> FreshIndexesAsync()
    {
        var fresh = await cluster.CreateDatabaseAsync();
        PostgresDatabase.Open(fresh).Dispose();
        await using var connection = new NpgsqlConnection(fresh);
        return await Indexes(connection);
    }

    private static async Task<List<string>> Indexes(NpgsqlConnection connection) =>
        (await connection.QueryAsync<string>("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")).ToList();

    private static async Task<List<string>> Columns(NpgsqlConnection connection) =>
        (await connection.QueryAsync<string>(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || is_identity
            FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position
            """)).ToList();
}
