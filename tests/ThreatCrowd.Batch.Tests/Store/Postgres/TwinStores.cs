using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>
/// A SQLite store and a PostgreSQL store given the same content, each through its own writers (imports, answers,
/// failures, pivots, runs, change detection), so that what they read back can be held equal.
/// </summary>
internal sealed class TwinStores : IDisposable
{
    public const string ProcessName = "host-a:1:1";

    private readonly TempDirectory _dir = new();
    private readonly RunLog _sqliteRuns;
    private readonly PostgresRunLog _postgresRuns;

    private TwinStores(NpgsqlDataSource postgres)
    {
        Sqlite = StoreDatabase.Open(_dir.File("store.db"));
        Postgres = postgres;
        _sqliteRuns = new RunLog(Sqlite);
        _postgresRuns = new PostgresRunLog(postgres, ProcessName);
    }

    public SqliteConnection Sqlite { get; }

    public NpgsqlDataSource Postgres { get; }

    public ChangeDetector SqliteChanges => new(Sqlite);

    public PostgresChangeLog PostgresChanges => new(Postgres, ProcessName);

    /// <summary>Both stores, the PostgreSQL one in a database of its own whose text order is ICU's en-US, not bytes.</summary>
    public static async Task<TwinStores> CreateAsync(PostgresCluster cluster) =>
        new(PostgresDatabase.Open(await cluster.CreateDatabaseAsync(icuLocale: "en-US")));

    /// <summary>One read of a source: each row an indicator (with what the source said, or null) or a reject (line, value, reason).</summary>
    public void Import(string source, DateTimeOffset at, params object[] rows)
    {
        var kind = source.StartsWith("feed:", StringComparison.Ordinal) ? SourceKind.Feed : SourceKind.Csv;
        using var sqlite = new ImportWriter(Sqlite, source, kind, at, batchSize: 3);
        using var postgres = new PostgresImportWriter(Postgres, source, kind, at, batchSize: 3);
        foreach (var writer in new IImportWriter[] { sqlite, postgres })
        {
            foreach (var row in rows)
            {
                switch (row)
                {
                    case Indicator indicator:
                        writer.Add(indicator);
                        break;
                    case (Indicator indicator, string context):
                        writer.Add(indicator, context);
                        break;
                    case (long line, string value, string reason):
                        writer.Reject(line, value, reason);
                        break;
                    default:
                        throw new ArgumentException($"Not a row: {row}", nameof(rows));
                }
            }

            writer.Complete();
        }

        (postgres.Accepted, postgres.Duplicates, postgres.Rejected).ShouldBe((sqlite.Accepted, sqlite.Duplicates, sqlite.Rejected));
    }

    /// <summary>Both runs' ids, which both stores hand out alike.</summary>
    public long StartRun(DateTimeOffset at)
    {
        var id = _sqliteRuns.Start("run", at);
        _postgresRuns.Start("run", at).ShouldBe(id);
        return id;
    }

    public void FinishRun(long id, DateTimeOffset at)
    {
        _sqliteRuns.Finish(id, at, "completed");
        _postgresRuns.Finish(id, at, "completed");
    }

    /// <summary>The answer in a fixture of the stand-in (samples/threatcrowd), as the service sent it.</summary>
    public void AnswerFromFixture(Indicator indicator, string fixture, DateTimeOffset at, long run, params Pivot[] pivots) =>
        Answer(indicator, ReportParser.Parse(indicator.Type, Fixtures.Read(fixture)).Answer.ShouldNotBeNull(), at, run, pivots);

    public void Answer(Indicator indicator, LookupAnswer answer, DateTimeOffset at, long run, params Pivot[] pivots)
    {
        new AnswerWriter(Sqlite).SaveAnswer(SqliteId(indicator), answer, at, run, pivots);
        new PostgresAnswerWriter(Postgres).SaveAnswer(PostgresId(indicator), answer, at, run, pivots);
    }

    public void Fail(Indicator indicator, string reason, DateTimeOffset retryAfter, long run)
    {
        new AnswerWriter(Sqlite).SaveFailure(SqliteId(indicator), reason, retryAfter, run);
        new PostgresAnswerWriter(Postgres).SaveFailure(PostgresId(indicator), reason, retryAfter, run);
    }

    /// <summary>One export's change detection on both; the counts must agree.</summary>
    public ChangeCounts Detect(ExportCutoff cutoff, long? run, DateTimeOffset now, TimeSpan keep)
    {
        var counts = SqliteChanges.Detect(cutoff, run, now, keep);
        PostgresChanges.Detect(cutoff, run, now, keep).ShouldBe(counts);
        return counts;
    }

    public void Dispose()
    {
        _postgresRuns.Dispose();
        Postgres.Dispose();
        Sqlite.Dispose();
        _dir.Dispose();
    }

    private long SqliteId(Indicator indicator) =>
        Sqlite.ExecuteScalar<long>("SELECT id FROM indicators WHERE type = $type AND value = $value", new { type = indicator.Type.ToName(), value = indicator.Value });

    private long PostgresId(Indicator indicator)
    {
        using var connection = Postgres.OpenConnection();
        return connection.ExecuteScalar<long>("SELECT id FROM indicators WHERE type = @type AND value = @value", new { type = indicator.Type.ToName(), value = indicator.Value });
    }
}
