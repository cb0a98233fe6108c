using Npgsql;

namespace ThreatCrowd.Batch.Tests.Support;

[Collection(PostgresTests.Name)]
public sealed class PostgresClusterTests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_fresh_database_answers_over_loopback_with_the_password()
    {
        var connectionString = await cluster.CreateDatabaseAsync();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var version = new NpgsqlCommand("SELECT version()", connection);
        ((string)(await version.ExecuteScalarAsync())!).ShouldStartWith("PostgreSQL ");
        await using var database = new NpgsqlCommand("SELECT current_database()", connection);
        (await database.ExecuteScalarAsync()).ShouldBe(new NpgsqlConnectionStringBuilder(connectionString).Database);
    }

    [Fact]
    public async Task Two_databases_are_separate()
    {
        var first = await cluster.CreateDatabaseAsync();
        var second = await cluster.CreateDatabaseAsync();
        await using (var connection = new NpgsqlConnection(first))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE only_here (id int)", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var other = new NpgsqlConnection(second);
        await other.OpenAsync();
        await using var look = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'only_here'", other);
        (await look.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        var builder = new NpgsqlConnectionStringBuilder(await cluster.CreateDatabaseAsync()) { Password = "wrong" };

        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var refused = await Should.ThrowAsync<PostgresException>(() => connection.OpenAsync());
        refused.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }

    [Fact]
    public void Missing_server_programs_fail_with_how_to_install_them()
    {
        using var empty = new TempDirectory();

        var missing = Should.Throw<InvalidOperationException>(() => PostgresBinaries.Find(empty.Path, empty.Path));
        missing.Message.ShouldContain("initdb");
        missing.Message.ShouldContain("apt-get install -y postgresql");
    }

    [Fact]
    public void The_server_programs_are_found_in_Debians_versioned_folder_newest_first()
    {
        using var root = new TempDirectory();
        foreach (var version in (string[])["9", "15", "13"])
        {
            root.Write($"{version}/bin/initdb", string.Empty);
            root.Write($"{version}/bin/pg_ctl", string.Empty);
        }

        PostgresBinaries.Find(root.Path, string.Empty).Directory.ShouldBe(Path.Combine(root.Path, "15", "bin"));
    }
}
