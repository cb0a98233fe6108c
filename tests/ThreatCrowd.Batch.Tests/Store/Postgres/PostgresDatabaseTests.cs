using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresDatabaseTests(PostgresCluster cluster)
{
    [Fact]
    public async Task An_empty_database_gets_the_schema_of_schema_postgres_sql_at_its_version()
    {
        var connectionString = await cluster.CreateDatabaseAsync();

        using (PostgresDatabase.Open(connectionString))
        {
        }

        await using var connection = new NpgsqlConnection(connectionString);
        (await connection.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version);
        var tables = (await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).ToList();
        tables.ShouldBe(
            ["answers", "changes", "exported_relations", "exported_verdicts", "indicator_counts", "indicators", "pacing", "provenance", "rejects",
             "relations", "runs", "sources", "store_version", "votes"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Opening_again_and_by_two_hosts_at_once_applies_the_schema_once()
    {
        var connectionString = await cluster.CreateDatabaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresDatabase.Open(connectionString).Dispose())));
        PostgresDatabase.Open(connectionString).Dispose();

        await using var connection = new NpgsqlConnection(connectionString);
        (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM store_version")).ShouldBe(1);
    }

    [Fact]
    public async Task A_newer_schema_is_refused_and_left_untouched()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        PostgresDatabase.Open(connectionString).Dispose();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("UPDATE store_version SET version = @v; CREATE TABLE from_the_future (id int)", new { v = PostgresSchema.Version + 1 });

        var ex = Should.Throw<StoreException>(() => PostgresDatabase.Open(connectionString));

        ex.Message.ShouldContain($"schema version {PostgresSchema.Version + 1}, newer than this program's {PostgresSchema.Version}");
        ex.Message.ShouldContain("left untouched");
        (await connection.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version + 1);
        (await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('from_the_future') IS NOT NULL")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_database_with_another_programs_indicators_table_is_refused_untouched()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("CREATE TABLE indicators (name text)");

        var ex = Should.Throw<StoreException>(() => PostgresDatabase.Open(connectionString));

        ex.Message.ShouldContain("not a ThreatCrowd.Batch store");
        (await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('store_version') IS NOT NULL")).ShouldBeFalse();
    }

    [Fact]
    public async Task Tables_of_another_program_beside_the_store_are_no_obstacle()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync("CREATE TABLE qrtz_locks (sched_name text, lock_name text)");

        PostgresDatabase.Open(connectionString).Dispose();

        (await connection.ExecuteScalarAsync<int>("SELECT version FROM store_version")).ShouldBe(PostgresSchema.Version);
    }

    [Fact]
    public async Task A_wrong_password_is_a_store_error_that_does_not_print_it()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()) { Password = "Wr0ng-S3cret-Value" }.ConnectionString;

        var ex = Should.Throw<StoreException>(() => PostgresDatabase.Open(connectionString));

        ex.Message.ShouldContain("Cannot open the PostgreSQL store postgres@127.0.0.1:");
        ex.Message.ShouldNotContain("Wr0ng-S3cret-Value");
    }
}
