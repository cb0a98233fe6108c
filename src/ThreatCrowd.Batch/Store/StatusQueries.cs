using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>Counts for the status command: indicators by state and type, rejects, and the latest failures.</summary>
internal sealed class StatusQueries(SqliteConnection connection)
{
    public IReadOnlyList<(string Type, string State, long Count)> CountsByTypeAndState() =>
        connection.Query<(string, string, long)>(
            "SELECT type, state, count(*) FROM indicators GROUP BY type, state ORDER BY type, state").AsList();

    public long Rejects() => connection.ExecuteScalar<long>("SELECT count(*) FROM rejects");

    public IReadOnlyList<(string Type, string Value, string Error, long Failures)> LatestFailures(int count) =>
        connection.Query<(string, string, string, long)>(
            """
            SELECT type, value, coalesce(last_error, ''), failures FROM indicators
            WHERE state = 'failed' ORDER BY coalesce(retry_after, 0) DESC, id LIMIT $count
            """,
            new { count }).AsList();
}
