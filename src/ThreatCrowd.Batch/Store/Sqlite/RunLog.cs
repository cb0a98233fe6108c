using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>The history of runs in the <c>runs</c> table.</summary>
internal sealed class RunLog(SqliteConnection connection) : IRunLog
{
    public long Start(string verb, DateTimeOffset at) => SqliteErrors.Guard(() =>
    {
        // Whoever holds the store lock is the only process: an unfinished run left behind was killed.
        connection.Execute("UPDATE runs SET ended_because = $killed WHERE ended_at IS NULL AND ended_because IS NULL", new { killed = IRunLog.Killed });
        return connection.ExecuteScalar<long>(
            "INSERT INTO runs (verb, started_at) VALUES ($verb, $at) RETURNING id", new { verb, at = UnixMs.From(at) });
    });

    public void SetDue(long runId, long due) => SqliteErrors.Guard(() =>
        connection.Execute("UPDATE runs SET due_at_start = $due WHERE id = $runId", new { runId, due }));

    public void Finish(long runId, DateTimeOffset at, string because) => SqliteErrors.Guard(() =>
        connection.Execute(
            "UPDATE runs SET ended_at = $at, ended_because = $because WHERE id = $runId",
            new { runId, at = UnixMs.From(at), because }));

    public RunRecord? Get(long runId) => Query("WHERE id = $runId", new { runId }, 1).FirstOrDefault();

    public IReadOnlyList<RunRecord> Latest(int count) => Query(string.Empty, null, count);

    public RunRecord? LastFinished(string verb) =>
        Query("WHERE verb = $verb AND ended_at IS NOT NULL AND ended_because <> 'interrupted' AND ended_because NOT LIKE 'failed%'", new { verb }, 1).FirstOrDefault();

    private List<RunRecord> Query(string where, object? parameters, int limit) => SqliteErrors.Guard(() =>
        RunRecordQuery.Records(connection.Query<(long Id, string Verb, long StartedAt, long? EndedAt, string? EndedBecause, long DueAtStart, long LookedUp, long Found, long NotFound, long Failed)>(RunRecordQuery.Sql(where, limit), parameters)));
}
