using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class StoreMigrationTests
{
    private static string SchemaV1 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v1.sql"));

    [Fact]
    public void A_version_1_store_is_brought_to_the_current_version_with_its_rows_kept_and_the_new_tables_added()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v1.db");
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v1.Open();
            v1.Execute(SchemaV1);
            v1.Execute("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('domain', 'aoldaily.com', 1, 2)");
        }

        using var store = StoreDatabase.Open(path);

        store.ExecuteScalar<int>("PRAGMA user_version").ShouldBe(2);
        store.QuerySingle<(string Value, long Last)>("SELECT value, last_imported_at FROM indicators").ShouldBe(("aoldaily.com", 2L));
        Tables(store).ShouldContain("exported_verdicts");
        Tables(store).ShouldContain("exported_relations");
        Tables(store).ShouldContain("changes");
    }

    [Fact]
    public void A_migrated_store_remembers_its_answers_as_already_exported_so_its_first_export_adds_nothing()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v1.db");
        using (var v1 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v1.Open();
            v1.Execute(SchemaV1);
            v1.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state) VALUES (1, 'domain', 'aoldaily.com', 1, 2, 'found');
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (2, 'domain', 'pending.com', 1, 2);
                INSERT INTO answers (indicator_id, found, votes, raw_body, answered_at) VALUES (1, 1, -1, '{}', 2);
                INSERT INTO relations (indicator_id, relation, related, related_type) VALUES (1, 'resolution', '50.63.202.70', 'ip');
                """);
        }

        using var store = StoreDatabase.Open(path);

        store.QuerySingle<(long Id, long Votes)>("SELECT indicator_id, votes FROM exported_verdicts").ShouldBe((1L, -1L));
        store.ExecuteScalar<string>("SELECT related FROM exported_relations").ShouldBe("50.63.202.70");
        new ChangeDetector(store).Detect(ExportCutoff.None, null, DateTimeOffset.UnixEpoch.AddDays(1), TimeSpan.FromDays(30))
            .ShouldBe(new ChangeCounts(0, 0));
    }

    [Fact]
    public void A_migrated_store_has_exactly_the_tables_columns_and_indexes_of_a_new_one()
    {
        using var dir = new TempDirectory();
        var migratedPath = dir.File("migrated.db");
        using (var v1 = new SqliteConnection($"Data Source={migratedPath};Pooling=false"))
        {
            v1.Open();
            v1.Execute(SchemaV1);
        }

        using var migrated = StoreDatabase.Open(migratedPath);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        Shape(migrated).ShouldBe(Shape(fresh));
    }

    [Fact]
    public void The_version_1_schema_kept_for_tests_is_really_version_1()
    {
        SchemaV1.ShouldContain("PRAGMA user_version = 1;");
        Migrations.Steps.Keys.ShouldBe([1]);
        Migrations.Steps[1].TrimEnd().ShouldEndWith("PRAGMA user_version = 2;");
    }

    private static List<string> Tables(SqliteConnection db) =>
        db.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").ToList();

    // Every table's columns with their type, nullability and key position, and every index's columns.
    private static List<string> Shape(SqliteConnection db) =>
        db.Query<string>(
            """
            SELECT m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
            FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table'
            UNION ALL
            SELECT m.name || ' index ' || i.name || '(' || (SELECT group_concat(name) FROM pragma_index_info(i.name)) || ')'
            FROM sqlite_schema m, pragma_index_list(m.name) i WHERE m.type = 'table'
            ORDER BY 1
            """).ToList();
}
