using Dapper;
using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// What an export shows that the previous one did not, on the PostgreSQL store, as <see cref="Sqlite.ChangeDetector"/>
/// tells it on SQLite. Several hosts may export at once here: each detection holds the store's export lock for its
/// transaction, so two never record the same change twice and the history's ids follow the order it was found in.
/// </summary>
internal sealed class PostgresChangeLog(NpgsqlDataSource dataSource, string processName) : IChangeLog
{
    /// <summary>The advisory lock key of change detection (any number no other lock of the store uses).</summary>
    private const long ExportLock = 0x7463_6200_0003;

    public ChangeCounts Detect(ExportCutoff cutoff, long? runId, DateTimeOffset now, TimeSpan keep)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@key)", new { key = ExportLock }, transaction);
        var before = connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM changes", transaction: transaction);
        connection.Execute(PostgresChangeSql.RecordDifferences, new { now = UnixMs.From(now), run = runId, since = cutoff.ImportedSinceMs }, transaction);
        foreach (var statement in PostgresChangeSql.ApplyToSnapshot)
        {
            connection.Execute(statement, new { before }, transaction);
        }

        var counts = connection.QuerySingle<(long Added, long Removed)>(PostgresChangeSql.Counts, new { before }, transaction);
        connection.Execute(PostgresChangeSql.Prune, new { keepSince = UnixMs.From(now - keep) }, transaction);
        transaction.Commit();
        return new ChangeCounts(counts.Added, counts.Removed);
    }

    /// <summary>
    /// This process's run in progress: other hosts run at once on this store, so an unfinished run is this
    /// process's only when it started it (the runs table names the process, as <see cref="PostgresRunLog"/> writes it).
    /// </summary>
    public long? RunInProgress()
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<long?>(
            "SELECT max(id) FROM runs WHERE ended_at IS NULL AND ended_because IS NULL AND host = @processName", new { processName });
    }
}
