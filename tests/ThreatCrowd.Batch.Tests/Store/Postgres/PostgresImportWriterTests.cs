using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>The PostgreSQL import gives the counts and rows the SQLite import gives for the same reads.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresImportWriterTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    private static readonly Indicator Domain = new(IndicatorType.Domain, "aoldaily.com");
    private static readonly Indicator Ip = new(IndicatorType.Ip, "188.40.75.132");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(1000)]
    public async Task Counts_provenance_context_and_rejects_match_the_sqlite_store_batch_size_whatever(int batchSize)
    {
        using var dir = new TempDirectory();
        using var sqlite = StoreDatabase.Open(dir.File("store.db"));
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        var reads = new (string Source, DateTimeOffset At, Action<Action<Indicator, string?>, Action<long, string, string>> Rows)[]
        {
            ("a.csv", Monday, (add, reject) => { add(Domain, "feodo: Pikabot"); add(Domain, "later context"); add(Ip, null); reject(4, "bad value", "not an indicator"); }),
            ("feed:http://x/feeds/domains.txt", Monday.AddHours(1), (add, reject) => { add(Domain, null); add(new Indicator(IndicatorType.File, new string('a', 32)), "tag"); }),
            ("a.csv", Monday.AddHours(2), (add, reject) => { add(Ip, "now said"); add(Ip, null); reject(9, new string('x', 400), "too long"); }),
        };

        var sqliteCounts = new List<(long, long, long)>();
        var postgresCounts = new List<(long, long, long)>();
        foreach (var (source, at, rows) in reads)
        {
            var kind = source.StartsWith("feed:", StringComparison.Ordinal) ? SourceKind.Feed : SourceKind.Csv;
            using (var writer = new ImportWriter(sqlite, source, kind, at, batchSize))
            {
                rows((i, c) => writer.Add(i, c), writer.Reject);
                writer.Complete();
                sqliteCounts.Add((writer.Accepted, writer.Duplicates, writer.Rejected));
            }

            using (var writer = new PostgresImportWriter(store, source, kind, at, batchSize))
            {
                rows((i, c) => writer.Add(i, c), writer.Reject);
                writer.Complete();
                postgresCounts.Add((writer.Accepted, writer.Duplicates, writer.Rejected));
            }
        }

        postgresCounts.ShouldBe(sqliteCounts);
        const string Provenance =
            """
            SELECT i.type || ' ' || i.value || ' ' || s.name || ' ' || p.first_seen_at || ' ' || p.last_seen_at || ' ' || coalesce(p.context, '-')
            FROM provenance p JOIN indicators i ON i.id = p.indicator_id JOIN sources s ON s.id = p.source_id ORDER BY 1
            """;
        const string Indicators = "SELECT type || ' ' || value || ' ' || first_imported_at || ' ' || last_imported_at || ' ' || state || ' ' || depth FROM indicators ORDER BY 1";
        const string Rejects = "SELECT s.name || ' ' || r.line || ' ' || r.value || ' ' || r.reason FROM rejects r JOIN sources s ON s.id = r.source_id ORDER BY 1";
        const string Counts = "SELECT type || ' ' || state || ' ' || count FROM indicator_counts WHERE count > 0 ORDER BY 1";
        await using var pg = await store.OpenConnectionAsync();
        foreach (var query in new[] { Provenance, Indicators, Rejects, Counts })
        {
            (await pg.QueryAsync<string>(query)).ShouldBe(sqlite.Query<string>(query), query);
        }

        PostgresImportWriter.CountImportedSince(store, Monday.AddHours(1)).ShouldBe(new SqliteImports(sqlite).CountImportedSince(Monday.AddHours(1)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task New_indicators_are_numbered_in_the_order_of_their_first_mention_as_in_the_sqlite_store(int batchSize)
    {
        using var dir = new TempDirectory();
        using var sqlite = StoreDatabase.Open(dir.File("store.db"));
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        static Indicator D(string name) => new(IndicatorType.Domain, name + ".example");

        // Into the empty store: values out of key order, repeated within the file and across batches; then a read with
        // contexts naming new indicators around ones already stored.
        var reads = new (string Source, DateTimeOffset At, (Indicator Indicator, string? Context)[] Rows)[]
        {
            ("a.csv", Monday, [(D("zz"), null), (D("mm"), null), (D("zz"), null), (D("aa"), null), (D("mm"), null), (Ip, null), (D("bb"), null), (D("aa"), null)]),
            ("b.csv", Monday.AddHours(1), [(D("yy"), "first"), (D("mm"), "known"), (D("cc"), null), (D("yy"), "again"), (D("zz"), null), (D("ab"), "last")]),
        };

        foreach (var (source, at, rows) in reads)
        {
            using (var writer = new ImportWriter(sqlite, source, SourceKind.Csv, at, batchSize))
            {
                foreach (var (indicator, context) in rows)
                {
                    writer.Add(indicator, context);
                }

                writer.Complete();
            }

            using (var writer = new PostgresImportWriter(store, source, SourceKind.Csv, at, batchSize))
            {
                foreach (var (indicator, context) in rows)
                {
                    writer.Add(indicator, context);
                }

                writer.Complete();
            }
        }

        const string Ids = "SELECT id || ' ' || type || ' ' || value FROM indicators ORDER BY id";
        await using var pg = await store.OpenConnectionAsync();
        var ids = (await pg.QueryAsync<string>(Ids)).ToList();
        ids.ShouldBe(sqlite.Query<string>(Ids));
        ids.ShouldBe(
            [
                "1 domain zz.example", "2 domain mm.example", "3 domain aa.example", "4 ip 188.40.75.132", "5 domain bb.example",
                "6 domain yy.example", "7 domain cc.example", "8 domain ab.example",
            ]);
    }

    [Fact]
    public async Task A_read_waits_for_another_writer_of_indicators_and_finds_what_it_added()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var store = PostgresDatabase.Open(connectionString);
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var pivot = await other.BeginTransactionAsync();
        await other.ExecuteAsync(
            "INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES ('domain', 'aoldaily.com', 0, 0, 1)",
            transaction: pivot);

        var read = Task.Run(() =>
        {
            using var writer = new PostgresImportWriter(store, "a.csv", SourceKind.Csv, Monday);
            writer.Add(Ip);
            writer.Add(Domain);
            writer.Complete();
            return (writer.Accepted, writer.Duplicates);
        });
        await PostgresLockWait.UntilSomeoneWaitsAsync(connectionString, read, "the read");

        // Had the merge not waited, it would not see the other writer's row and its insert would break the unique key.
        await pivot.CommitAsync();
        (await read.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe((2L, 0L));
        (await other.QueryAsync<string>("SELECT type || ' ' || value || ' ' || depth FROM indicators ORDER BY id"))
            .ShouldBe(["domain aoldaily.com 0", "ip 188.40.75.132 0"]);
        (await other.ExecuteScalarAsync<long>("SELECT count(*) FROM provenance")).ShouldBe(2);
    }

    [Fact]
    public async Task An_interrupted_read_keeps_its_committed_batches_only()
    {
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        using (var first = new PostgresImportWriter(store, "small.csv", SourceKind.Csv, Monday))
        {
            // A store that holds an indicator: the next read stages and commits batch by batch.
            first.Add(Domain);
            first.Complete();
        }

        using (var writer = new PostgresImportWriter(store, "big.csv", SourceKind.Csv, Monday, batchSize: 10))
        {
            for (var i = 0; i < 25; i++)
            {
                writer.Add(new Indicator(IndicatorType.Domain, $"d{i}.example"));
            }

            writer.CommittedRows.ShouldBe(20);
        }

        await using var pg = await store.OpenConnectionAsync();
        (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM indicators")).ShouldBe(21);
        (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM provenance")).ShouldBe(21);
    }

    [Fact]
    public async Task A_pivot_named_by_an_input_becomes_an_input()
    {
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        await using (var pg = await store.OpenConnectionAsync())
        {
            await pg.ExecuteAsync("INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES ('domain', 'aoldaily.com', 0, @at, 2)", new { at = UnixMs.From(Monday) });
        }

        using (var writer = new PostgresImportWriter(store, "a.csv", SourceKind.Csv, Monday))
        {
            writer.Add(Domain);
            writer.Complete();
        }

        await using var check = await store.OpenConnectionAsync();
        (await check.ExecuteScalarAsync<int>("SELECT depth FROM indicators")).ShouldBe(0);
    }

    [Fact]
    public async Task A_pivot_stored_later_by_a_host_whose_clock_is_ahead_becomes_an_input_and_keeps_its_later_time()
    {
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        var later = UnixMs.From(Monday.AddMinutes(5));
        await using (var pg = await store.OpenConnectionAsync())
        {
            await pg.ExecuteAsync("INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES ('domain', 'aoldaily.com', @later, @later, 1)", new { later });
        }

        using (var writer = new PostgresImportWriter(store, "a.csv", SourceKind.Csv, Monday))
        {
            writer.Add(Domain);
            writer.Complete();
            writer.Accepted.ShouldBe(1);
        }

        await using var check = await store.OpenConnectionAsync();
        (await check.QueryAsync<string>("SELECT last_imported_at || ' ' || depth FROM indicators")).ShouldBe([$"{later} 0"]);
    }
}
