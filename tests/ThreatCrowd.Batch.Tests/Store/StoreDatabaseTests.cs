using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class StoreDatabaseTests
{
    [Fact]
    public void A_new_store_gets_the_schema_at_the_version_schema_sql_declares()
    {
        using var dir = new TempDirectory();
        using var connection = StoreDatabase.Open(dir.File("nested/store.db"));

        connection.ExecuteScalar<int>("PRAGMA user_version").ShouldBe(Schema.Version);
        Schema.Version.ShouldBeGreaterThan(0);
        connection.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .ShouldBe([
                "answers", "changes", "exported_relations", "exported_verdicts", "indicator_counts", "indicators", "pacing", "provenance", "rejects",
                "relations", "runs", "sources", "votes",
            ]);
        connection.ExecuteScalar<string>("PRAGMA journal_mode").ShouldBe("wal");
    }

    [Fact]
    public void The_embedded_schema_is_the_root_schema_sql_file()
    {
        var root = RepositoryRoot.Find();
        Schema.Sql.ReplaceLineEndings().ShouldBe(File.ReadAllText(Path.Combine(root, "schema.sql")).ReplaceLineEndings());
    }

    [Fact]
    public void Opening_an_existing_store_keeps_its_data()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using (var first = StoreDatabase.Open(path))
        {
            first.Execute("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('domain', 'a.com', 1, 1)");
        }

        using var again = StoreDatabase.Open(path);
        again.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(1);
    }

    [Fact]
    public void A_store_from_a_newer_version_is_refused_and_left_untouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using (var newer = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            newer.Open();
            newer.Execute($"CREATE TABLE future (x); PRAGMA user_version = {Schema.Version + 1};");
        }

        var before = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

        var error = Should.Throw<StoreException>(() => StoreDatabase.Open(path));

        error.Message.ShouldContain($"schema version {Schema.Version + 1}");
        error.Message.ShouldContain("left untouched");
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))).ShouldBe(before, "the file was changed");
    }

    [Fact]
    public void An_sqlite_file_that_is_not_a_store_is_refused()
    {
        using var dir = new TempDirectory();
        var path = dir.File("other.db");
        using (var other = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            other.Open();
            other.Execute("CREATE TABLE customers (name TEXT)");
        }

        Should.Throw<StoreException>(() => StoreDatabase.Open(path)).Message.ShouldContain("not a ThreatCrowd.Batch store");
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("notes.db", new string('x', 4096));

        Should.Throw<StoreException>(() => StoreDatabase.Open(path)).Message.ShouldContain(path);
    }
}
