using Dapper;
using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The history of runs on the PostgreSQL store, as <see cref="Sqlite.RunLog"/> keeps it on SQLite. Several hosts run at
/// once here, so an unfinished run is not simply another process's leftover: each running process holds an advisory
/// lock named after its run on a connection of its own, and a run is called killed only when that lock is free,
/// which is when its process (and so its connection) is gone.
/// </summary>
internal sealed class PostgresRunLog(NpgsqlDataSource dataSource, string processName) : IRunLog, IDisposable
{
    /// <summary>The first key of the runs' advisory locks (the second is the run's id).</summary>
    private const int RunLockClass = 0x7463_62;

    private readonly Dictionary<long, NpgsqlConnection> _held = [];

    public long Start(string verb, DateTimeOffset at)
    {
        using (var connection = dataSource.OpenConnection())
        {
            foreach (var orphan in connection.Query<long>("SELECT id FROM runs WHERE ended_at IS NULL AND ended_because IS NULL").AsList())
            {
                // Free means no process holds it: the run's process died without saying why.
                if (connection.ExecuteScalar<bool>("SELECT pg_try_advisory_lock(@c, @id)", new { c = RunLockClass, id = (int)orphan }))
                {
                    connection.Execute("UPDATE runs SET ended_because = @killed WHERE id = @id AND ended_at IS NULL", new { killed = IRunLog.Killed, id = orphan });
                    connection.Execute("SELECT pg_advisory_unlock(@c, @id)", new { c = RunLockClass, id = (int)orphan });
                }
            }
        }

        var holder = dataSource.OpenConnection();
        try
        {
            var id = holder.ExecuteScalar<long>(
                "INSERT INTO runs (verb, started_at, host) VALUES (@verb, @at, @processName) RETURNING id", new { verb, at = UnixMs.From(at), processName });
            holder.Execute("SELECT pg_advisory_lock(@c, @id)", new { c = RunLockClass, id = (int)id });
            _held[id] = holder;
            return id;
        }
        catch
        {
            holder.Dispose();
            throw;
        }
    }

    public void SetDue(long runId, long due)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute("UPDATE runs SET due_at_start = @due WHERE id = @runId", new { runId, due });
    }

    public void Finish(long runId, DateTimeOffset at, string because)
    {
        using (var connection = dataSource.OpenConnection())
        {
            connection.Execute("UPDATE runs SET ended_at = @at, ended_because = @because WHERE id = @runId", new { runId, at = UnixMs.From(at), because });
        }

        Release(runId);
    }

    public RunRecord? Get(long runId) => Query("WHERE id = @runId", new { runId }, 1).FirstOrDefault();

    public IReadOnlyList<RunRecord> Latest(int count) => Query(string.Empty, null, count);

    /// <summary>The latest run of this verb that ended by itself (not killed, not interrupted, not failed).</summary>
    public RunRecord? LastFinished(string verb) =>
        Query("WHERE verb = @verb AND ended_at IS NOT NULL AND ended_because <> 'interrupted' AND ended_because NOT LIKE 'failed%'", new { verb }, 1).FirstOrDefault();

    public void Dispose()
    {
        foreach (var id in _held.Keys.ToList())
        {
            Release(id);
        }
    }

    private void Release(long runId)
    {
        if (_held.Remove(runId, out var holder))
        {
            // A pooled connection keeps its session, and the session its locks, after it is given back.
            try
            {
                holder.Execute("SELECT pg_advisory_unlock(@c, @id)", new { c = RunLockClass, id = (int)runId });
            }
            catch (NpgsqlException)
            {
                // A broken connection is not pooled: disposing it ends the session and the lock with it.
            }

            holder.Dispose();
        }
    }

    private List<RunRecord> Query(string where, object? parameters, int limit)
    {
        using var connection = dataSource.OpenConnection();
        return RunRecordQuery.Records(connection.Query<(long Id, string Verb, long StartedAt, long? EndedAt, string? EndedBecause, long DueAtStart, long LookedUp, long Found, long NotFound, long Failed)>(RunRecordQuery.Sql(where, limit), parameters));
    }
}
