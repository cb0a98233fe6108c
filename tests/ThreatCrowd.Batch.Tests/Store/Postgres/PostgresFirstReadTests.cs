using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>
/// A read into an empty store copies its batches straight into indicators and provenance in one transaction, their
/// keys built at its end, and goes the staging way for the rest of the read once its index is full, or for all of it
/// when the login may not drop the keys: the same counts, ids and rows as the SQLite store's either way.
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresFirstReadTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    // Repeats within a batch and across batches, with contexts on first mentions and on repeats.
    private static readonly (Indicator Indicator, string? Context)[] Rows =
    [
        (D("zz"), "first zz"), (D("mm"), null), (D("zz"), "repeat zz"), (D("aa"), null), (D("mm"), "repeat mm"),
        (new Indicator(IndicatorType.Ip, "188.40.75.132"), "ip"), (D("bb"), null), (D("aa"), null), (D("zz"), null),
        (new Indicator(IndicatorType.Ip, "zz.example"), null), (D("cc"), "cc"), (D("bb"), "repeat bb"), (D("dd"), null),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(1000)]
    public async Task A_read_into_an_empty_store_writes_straight_in_what_the_sqlite_store_holds(int batchSize)
    {
        using var twin = await Twin.CreateAsync(cluster);

        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize))
        {
            writer.WritesStraightIn.ShouldBeTrue();
            twin.Read(writer, "a.csv", Monday, batchSize, Rows);
            writer.WritesStraightIn.ShouldBeTrue();
        }

        // A second read finds indicators and stages, as before.
        using (var writer = twin.PostgresWriter("b.csv", Monday.AddHours(1), batchSize))
        {
            writer.WritesStraightIn.ShouldBeFalse();
            twin.Read(writer, "b.csv", Monday.AddHours(1), batchSize, [(D("ee"), "new"), (D("zz"), "known"), (D("ee"), null)]);
        }

        await twin.ShouldHoldAlikeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1000)]
    public async Task Two_indicators_whose_fingerprints_agree_are_told_apart_and_numbered_in_order(int batchSize)
    {
        // Found by search: the two values' fingerprints agree in the 40 bits the index keeps.
        var first = D("c893037");
        var second = D("c899448");
        (FirstReadIndex.Fingerprint(first.Type, first.Value) >> 24).ShouldBe(FirstReadIndex.Fingerprint(second.Type, second.Value) >> 24);
        using var twin = await Twin.CreateAsync(cluster);

        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize))
        {
            twin.Read(
                writer,
                "a.csv",
                Monday,
                batchSize,
                [(D("aa"), null), (first, "first"), (D("bb"), null), (second, "second"), (D("dd"), "dd"), (second, "again"), (first, null), (D("dd"), null), (D("ee"), null)]);
            writer.WritesStraightIn.ShouldBeTrue();
        }

        await twin.ShouldHoldAlikeAsync();
    }

    [Fact]
    public async Task Another_writer_waits_for_a_read_straight_in_and_takes_the_id_after_it_while_status_does_not_wait()
    {
        using var twin = await Twin.CreateAsync(cluster);
        var pivot = new Indicator(IndicatorType.Domain, "pivot.example");
        Task adding;
        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize: 4))
        {
            foreach (var (indicator, context) in Rows)
            {
                writer.Add(indicator, context);
            }

            // Its batches are written, not committed: another host's pivot waits for the read.
            adding = Task.Run(() => twin.AddPivotAsync(pivot));
            await PostgresLockWait.UntilSomeoneWaitsAsync(twin.ConnectionString, adding, "the pivot's insert");

            // Status reads the counts the read has not committed, and leaves the locked table alone.
            var status = new PostgresStatusQueries(twin.Postgres);
            var seen = await Task.Run(() => (status.CountsByTypeAndState(), status.PivotsByDepth(), status.FailuresByReason(5)))
                .WaitAsync(TimeSpan.FromSeconds(20));
            seen.Item1.ShouldBeEmpty();
            seen.Item2.ShouldBeEmpty();
            seen.Item3.ShouldBeEmpty();

            adding.IsCompleted.ShouldBeFalse();
            writer.WritesStraightIn.ShouldBeTrue();
            writer.Complete();
        }

        await adding.WaitAsync(TimeSpan.FromSeconds(30));
        using (var sqlite = new ImportWriter(twin.Sqlite, "a.csv", SourceKind.Csv, Monday, batchSize: 4))
        {
            foreach (var (indicator, context) in Rows)
            {
                sqlite.Add(indicator, context);
            }

            sqlite.Complete();
        }

        await using var pg = await twin.Postgres.OpenConnectionAsync();
        (await pg.ExecuteScalarAsync<long>("SELECT id FROM indicators WHERE value = 'pivot.example'"))
            .ShouldBe(await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM indicators"));
        await pg.ExecuteAsync("DELETE FROM indicators WHERE value = 'pivot.example'");
        await twin.ShouldHoldAlikeAsync();
    }

    [Fact]
    public async Task An_interrupted_read_straight_in_leaves_the_store_empty_and_keyed_and_the_next_read_starts_over()
    {
        using var twin = await Twin.CreateAsync(cluster);
        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize: 2))
        {
            foreach (var (indicator, context) in Rows)
            {
                writer.Add(indicator, context);
            }

            writer.CommittedRows.ShouldBe(0);
        }

        await using (var pg = await twin.Postgres.OpenConnectionAsync())
        {
            (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM indicators")).ShouldBe(0);
            (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM provenance")).ShouldBe(0);
            (await pg.QueryAsync<string>("SELECT conname FROM pg_constraint WHERE contype IN ('u', 'p') AND conrelid IN ('indicators'::regclass, 'provenance'::regclass) ORDER BY 1"))
                .ShouldBe(["indicators_pkey", "indicators_value_type_key", "provenance_pkey"]);
        }

        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize: 2))
        {
            twin.Read(writer, "a.csv", Monday, batchSize: 2, Rows);
        }

        await twin.ShouldHoldAlikeAsync();
    }

    [Fact]
    public async Task A_login_that_does_not_own_the_tables_stages_its_read()
    {
        using var twin = await Twin.CreateAsync(cluster);
        var role = "importer_" + Guid.NewGuid().ToString("N")[..8];
        await using (var pg = await twin.Postgres.OpenConnectionAsync())
        {
            await pg.ExecuteAsync(
                $"""
                CREATE ROLE {role} LOGIN PASSWORD 'importer';
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role};
                """);
        }

        var login = new NpgsqlConnectionStringBuilder(twin.ConnectionString) { Username = role, Password = "importer" }.ConnectionString;
        using (var store = NpgsqlDataSource.Create(login))
        using (var writer = new PostgresImportWriter(store, "a.csv", SourceKind.Csv, Monday, batchSize: 3))
        {
            writer.WritesStraightIn.ShouldBeFalse();
            twin.Read(writer, "a.csv", Monday, batchSize: 3, Rows);
        }

        await twin.ShouldHoldAlikeAsync();
    }

    [Fact]
    public async Task A_read_whose_index_is_full_stages_the_rest()
    {
        using var twin = await Twin.CreateAsync(cluster);
        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize: 3, firstReadIndicators: 4))
        {
            twin.Read(writer, "a.csv", Monday, batchSize: 3, Rows);
            writer.WritesStraightIn.ShouldBeFalse();
        }

        await twin.ShouldHoldAlikeAsync();
    }

    [Fact]
    public async Task An_insert_after_a_read_straight_in_takes_the_id_after_the_reads()
    {
        using var twin = await Twin.CreateAsync(cluster);
        using (var writer = twin.PostgresWriter("a.csv", Monday, batchSize: 2))
        {
            twin.Read(writer, "a.csv", Monday, batchSize: 2, Rows);
        }

        var pivot = new Indicator(IndicatorType.Domain, "pivot.example");
        await twin.AddPivotAsync(pivot);
        await using var pg = await twin.Postgres.OpenConnectionAsync();
        (await pg.ExecuteScalarAsync<long>("SELECT id FROM indicators WHERE value = 'pivot.example'"))
            .ShouldBe(await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM indicators"));
        (await pg.QueryAsync<string>("SELECT type || ' ' || count FROM indicator_counts WHERE state = 'pending' ORDER BY 1"))
            .ShouldBe(["domain 7", "ip 2"]);
    }

    private static Indicator D(string name) => new(IndicatorType.Domain, name + ".example");

    /// <summary>A SQLite store and an empty PostgreSQL store given the same reads.</summary>
    private sealed class Twin : IDisposable
    {
        private readonly TempDirectory _dir = new();

        private Twin(string connectionString)
        {
            Sqlite = StoreDatabase.Open(_dir.File("store.db"));
            ConnectionString = connectionString;
            Postgres = PostgresDatabase.Open(connectionString);
        }

        public Microsoft.Data.Sqlite.SqliteConnection Sqlite { get; }

        public string ConnectionString { get; }

        public NpgsqlDataSource Postgres { get; }

        public static async Task<Twin> CreateAsync(PostgresCluster cluster) => new(await cluster.CreateDatabaseAsync());

        public PostgresImportWriter PostgresWriter(string source, DateTimeOffset at, int batchSize, int firstReadIndicators = FirstReadIndex.MaxCount) =>
            new(Postgres, source, SourceKind.Csv, at, batchSize, firstReadIndicators);

        /// <summary>The rows through the PostgreSQL writer given and through a SQLite one; their counts must agree.</summary>
        public void Read(PostgresImportWriter postgres, string source, DateTimeOffset at, int batchSize, (Indicator Indicator, string? Context)[] rows)
        {
            using var sqlite = new ImportWriter(Sqlite, source, SourceKind.Csv, at, batchSize);
            foreach (var (indicator, context) in rows)
            {
                postgres.Add(indicator, context);
                sqlite.Add(indicator, context);
            }

            postgres.Complete();
            sqlite.Complete();
            (postgres.Accepted, postgres.Duplicates, postgres.Rejected).ShouldBe((sqlite.Accepted, sqlite.Duplicates, sqlite.Rejected));
        }

        /// <summary>A pivot stored as a lookup's answer stores it: a plain insert numbered by the sequence.</summary>
        public async Task AddPivotAsync(Indicator pivot)
        {
            await using var pg = await Postgres.OpenConnectionAsync();
            await pg.ExecuteAsync(
                "INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES (@type, @value, 0, 0, 1)",
                new { type = pivot.Type.ToName(), value = pivot.Value });
        }

        public async Task ShouldHoldAlikeAsync()
        {
            const string Ids = "SELECT id || ' ' || type || ' ' || value || ' ' || first_imported_at || ' ' || last_imported_at || ' ' || state || ' ' || depth FROM indicators ORDER BY id";
            const string Provenance =
                """
                SELECT p.indicator_id || ' ' || s.name || ' ' || p.first_seen_at || ' ' || p.last_seen_at || ' ' || coalesce(p.context, '-')
                FROM provenance p JOIN sources s ON s.id = p.source_id ORDER BY p.indicator_id, s.name
                """;
            const string Counts = "SELECT type || ' ' || state || ' ' || count FROM indicator_counts WHERE count > 0 ORDER BY 1";
            await using var pg = await Postgres.OpenConnectionAsync();
            foreach (var query in new[] { Ids, Provenance, Counts })
            {
                (await pg.QueryAsync<string>(query)).ShouldBe(Sqlite.Query<string>(query), query);
            }
        }

        public void Dispose()
        {
            Postgres.Dispose();
            Sqlite.Dispose();
            _dir.Dispose();
        }
    }
}
