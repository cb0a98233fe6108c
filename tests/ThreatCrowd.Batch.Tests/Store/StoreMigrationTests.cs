using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed partial class StoreMigrationTests
{
    private static string SchemaV1 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v1.sql"));

    private static string SchemaV2 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v2.sql"));

    private static string SchemaV3 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v3.sql"));

    private static string SchemaV4 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v4.sql"));

    private static string SchemaV5 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v5.sql"));

    private static string SchemaV6 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v6.sql"));

    private static string SchemaV7 => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Store", "Schemas", "schema-v7.sql"));

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

        store.ExecuteScalar<int>("PRAGMA user_version").ShouldBe(Schema.Version);
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
    public void A_version_2_store_keeps_its_indicators_at_depth_0_its_sources_and_provenance_and_gets_an_empty_votes_table()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v2.db");
        using (var v2 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v2.Open();
            v2.Execute(SchemaV2);
            v2.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (7, 'domain', 'aoldaily.com', 1, 2);
                INSERT INTO sources (id, name, kind, last_read_at) VALUES (3, 'feed:domains', 'feed', 5);
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES (7, 3, 1, 2);
                """);
        }

        using var store = StoreDatabase.Open(path);

        store.ExecuteScalar<int>("PRAGMA user_version").ShouldBe(Schema.Version);
        store.QuerySingle<(string Value, long Depth)>("SELECT value, depth FROM indicators").ShouldBe(("aoldaily.com", 0L));
        store.QuerySingle<(long Id, string Name, string Kind, long Read)>("SELECT id, name, kind, last_read_at FROM sources")
            .ShouldBe((3L, "feed:domains", "feed", 5L));
        store.ExecuteScalar<string>("SELECT s.name FROM provenance p JOIN sources s ON s.id = p.source_id").ShouldBe("feed:domains");
        store.ExecuteScalar<long>("SELECT count(*) FROM votes").ShouldBe(0);
        store.Execute("INSERT INTO sources (name, kind) VALUES ('pivot:aoldaily.com:resolution', 'pivot')").ShouldBe(1);
        store.Query<string>("PRAGMA foreign_key_check").ShouldBeEmpty();
    }

    [Fact]
    public void A_migrated_version_2_store_has_exactly_the_tables_columns_and_indexes_of_a_new_one()
    {
        using var dir = new TempDirectory();
        var migratedPath = dir.File("migrated.db");
        using (var v2 = new SqliteConnection($"Data Source={migratedPath};Pooling=false"))
        {
            v2.Open();
            v2.Execute(SchemaV2);
        }

        using var migrated = StoreDatabase.Open(migratedPath);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        Shape(migrated).ShouldBe(Shape(fresh));
    }

    [Fact]
    public void The_schemas_kept_for_tests_are_really_versions_1_and_2_and_each_step_sets_the_next_version()
    {
        SchemaV1.ShouldContain("PRAGMA user_version = 1;");
        SchemaV2.ShouldContain("PRAGMA user_version = 2;");
        SchemaV3.ShouldContain("PRAGMA user_version = 3;");
        SchemaV4.ShouldContain("PRAGMA user_version = 4;");
        SchemaV5.ShouldContain("PRAGMA user_version = 5;");
        SchemaV6.ShouldContain("PRAGMA user_version = 6;");
        SchemaV7.ShouldContain("PRAGMA user_version = 7;");
        Migrations.Steps.Keys.ShouldBe([1, 2, 3, 4, 5, 6, 7]);
        Migrations.Steps[1].TrimEnd().ShouldEndWith("PRAGMA user_version = 2;");
        Migrations.Steps[2].TrimEnd().ShouldEndWith("PRAGMA user_version = 3;");
        Migrations.Steps[3].TrimEnd().ShouldEndWith("PRAGMA user_version = 4;");
        Migrations.Steps[4].TrimEnd().ShouldEndWith("PRAGMA user_version = 5;");
        Migrations.Steps[5].TrimEnd().ShouldEndWith("PRAGMA user_version = 6;");
        Migrations.Steps[6].TrimEnd().ShouldEndWith("PRAGMA user_version = 7;");
        Migrations.Steps[7].TrimEnd().ShouldEndWith("PRAGMA user_version = 8;");
    }

    [Fact]
    public void A_version_7_store_keeps_every_indicator_with_its_id_state_and_counts_and_refuses_a_second_of_one_indicator()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v7.db");
        using (var v7 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v7.Open();
            v7.Execute(SchemaV7);
            v7.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at, failures, last_error, retry_after, depth)
                VALUES (4, 'domain', 'aoldaily.com', 1, 2, 'failed', 3, 2, 'timeout', 9, 1),
                       (7, 'ip', '8.8.8.8', 1, 2, 'pending', NULL, 0, NULL, NULL, 0);
                INSERT INTO indicator_counts (type, state, count) VALUES ('domain', 'failed', 1), ('ip', 'pending', 1);
                INSERT INTO sources (id, name, kind) VALUES (1, 'in.csv', 'csv');
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES (7, 1, 1, 2);
                """);
        }

        using var store = StoreDatabase.Open(path);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        Shape(store).ShouldBe(Shape(fresh));
        store.Query<string>("SELECT id || ' ' || type || ' ' || value || ' ' || state || ' ' || looked_up_at || ' ' || failures || ' ' || last_error || ' ' || retry_after || ' ' || depth FROM indicators WHERE id = 4")
            .ShouldBe(["4 domain aoldaily.com failed 3 2 timeout 9 1"]);
        store.ExecuteScalar<long>("SELECT indicator_id FROM provenance").ShouldBe(7);
        store.Execute("UPDATE indicators SET state = 'found' WHERE id = 7");
        Counts(store).ShouldBe(["domain failed 1", "ip found 1", "ip pending 0"]); // the count trigger came back with the table
        Should.Throw<SqliteException>(() => store.Execute("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('ip', '8.8.8.8', 5, 5)"))
            .Message.ShouldContain("UNIQUE");
    }

    [Fact]
    public void A_version_4_store_keeps_its_provenance_answers_and_pacing_with_no_context_no_cut_and_no_pause()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v4.db");
        using (var v4 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v4.Open();
            v4.Execute(SchemaV4);
            v4.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state) VALUES (1, 'domain', 'aoldaily.com', 1, 2, 'found');
                INSERT INTO sources (id, name, kind) VALUES (3, 'feed:domains', 'feed');
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES (1, 3, 1, 2);
                INSERT INTO answers (indicator_id, found, votes, raw_body, answered_at) VALUES (1, 1, -1, '{}', 2);
                INSERT INTO pacing (id, last_request_at, in_flight) VALUES (1, 1234, 1);
                """);
        }

        using var store = StoreDatabase.Open(path);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        store.QuerySingle<(long Last, string? Context)>("SELECT last_seen_at, context FROM provenance").ShouldBe((2L, (string?)null));
        store.QuerySingle<(long Votes, long Cut)>("SELECT votes, relations_cut FROM answers").ShouldBe((-1L, 0L));
        store.QuerySingle<(long At, long? InFlight, long? Until)>("SELECT last_request_at, in_flight, paused_until FROM pacing")
            .ShouldBe((1234L, (long?)1, (long?)null));
        Shape(store).ShouldBe(Shape(fresh));
    }

    [Fact]
    public void A_version_3_store_keeps_its_pacing_and_gets_no_indicator_in_flight()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v3.db");
        using (var v3 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v3.Open();
            v3.Execute(SchemaV3);
            v3.Execute("INSERT INTO pacing (id, last_request_at) VALUES (1, 1234)");
        }

        using var store = StoreDatabase.Open(path);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        store.QuerySingle<(long At, long? InFlight)>("SELECT last_request_at, in_flight FROM pacing").ShouldBe((1234L, (long?)null));
        Shape(store).ShouldBe(Shape(fresh));
    }

    [Fact]
    public void A_version_5_store_starts_its_counts_from_the_indicators_it_holds_and_keeps_them_as_they_change()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v5.db");
        using (var v5 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v5.Open();
            v5.Execute(SchemaV5);
            v5.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state) VALUES (1, 'domain', 'aoldaily.com', 1, 2, 'found');
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (2, 'domain', 'pending.com', 1, 2);
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (3, 'ip', '8.8.8.8', 1, 2);
                """);
        }

        using var store = StoreDatabase.Open(path);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        Counts(store).ShouldBe(["domain found 1", "domain pending 1", "ip pending 1"]);
        store.Execute("UPDATE indicators SET state = 'failed' WHERE id = 2; DELETE FROM indicators WHERE id = 3;");
        Counts(store).ShouldBe(["domain failed 1", "domain found 1", "domain pending 0", "ip pending 0"]);
        Shape(store).ShouldBe(Shape(fresh));
    }

    [Fact]
    public void A_version_6_store_keeps_its_counts_and_from_then_on_its_writers_count_the_indicators_they_create()
    {
        using var dir = new TempDirectory();
        var path = dir.File("v6.db");
        using (var v6 = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            v6.Open();
            v6.Execute(SchemaV6);
            v6.Execute(
                """
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state) VALUES (1, 'domain', 'aoldaily.com', 1, 2, 'found');
                INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES (2, 'ip', '8.8.8.8', 1, 2);
                """);
        }

        using var store = StoreDatabase.Open(path);
        using var fresh = StoreDatabase.Open(dir.File("fresh.db"));

        Counts(store).ShouldBe(["domain found 1", "ip pending 1"]);
        store.Execute("INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ('ip', '9.9.9.9', 1, 2)");
        Counts(store).ShouldBe(["domain found 1", "ip pending 1"]); // no trigger counts a plain insert any more
        using (var writer = new ImportWriter(store, "in.csv", SourceKind.Csv, DateTimeOffset.UnixEpoch.AddDays(1)))
        {
            writer.Add(new Indicator(IndicatorType.Domain, "new.example.com"));
            writer.Add(new Indicator(IndicatorType.Domain, "aoldaily.com"));
            writer.Complete();
        }

        Counts(store).ShouldBe(["domain found 1", "domain pending 1", "ip pending 1"]);
        Shape(store).ShouldBe(Shape(fresh));
    }

    private static List<string> Counts(SqliteConnection db) =>
        db.Query<string>("SELECT type || ' ' || state || ' ' || count FROM indicator_counts ORDER BY type, state").ToList();

    private static List<string> Tables(SqliteConnection db) =>
        db.Query<string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").ToList();

    // Every table's columns with their type, nullability and key position, every index's columns, and the text of
    // every trigger and partial index (spaces aside), which a migration must repeat exactly.
    private static List<string> Shape(SqliteConnection db) =>
        db.Query<string>(
            """
            SELECT m.name || '.' || c.name || ' ' || c.type || ' notnull=' || c."notnull" || ' pk=' || c.pk
            FROM sqlite_schema m, pragma_table_info(m.name) c WHERE m.type = 'table'
            UNION ALL
            SELECT m.name || ' index ' || i.name || '(' || (SELECT group_concat(name) FROM pragma_index_info(i.name)) || ')'
            FROM sqlite_schema m, pragma_index_list(m.name) i WHERE m.type = 'table'
            UNION ALL
            SELECT type || ' ' || sql FROM sqlite_schema WHERE type = 'trigger' OR (type = 'index' AND sql LIKE '% WHERE %')
            ORDER BY 1
            """).Select(line => Whitespace().Replace(line, " ")).ToList();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
