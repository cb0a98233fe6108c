using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>Counts for the status command: indicators by state and type, rejects, and failures by reason.</summary>
internal sealed class StatusQueries(SqliteConnection connection) : IStatusCounts
{
    /// <summary>Read from the counts the store's triggers keep, not by counting millions of rows.</summary>
    public IReadOnlyList<(string Type, string State, long Count)> CountsByTypeAndState() => SqliteErrors.Guard(() =>
        connection.Query<(string, string, long)>(
            "SELECT type, state, count FROM indicator_counts WHERE count > 0 ORDER BY type, state").AsList());

    /// <summary>The partial index indicators_pivots holds only them.</summary>
    public IReadOnlyList<(int Depth, long Count, long Queued)> PivotsByDepth() => SqliteErrors.Guard(() =>
        connection.Query<(int, long, long)>(
            $"SELECT depth, count(*), sum(state = '{IndicatorStateNames.Pending}') FROM indicators WHERE depth > 0 GROUP BY depth ORDER BY depth").AsList());

    public (long Answers, long Items) RelationsCut() => SqliteErrors.Guard(() =>
        connection.QuerySingle<(long, long)>("SELECT count(*), coalesce(sum(relations_cut), 0) FROM answers WHERE relations_cut > 0"));

    public long Rejects() => SqliteErrors.Guard(() => connection.ExecuteScalar<long>("SELECT count(*) FROM rejects"));

    public IReadOnlyList<(string Error, long Count, string Example)> FailuresByReason(int count) => SqliteErrors.Guard(() =>
        connection.Query<(string, long, string)>(
            $"""
            SELECT coalesce(last_error, 'unknown'), count(*), min(type || ' ' || value) FROM indicators
            WHERE state = '{IndicatorStateNames.Failed}' GROUP BY last_error ORDER BY count(*) DESC, last_error LIMIT $count
            """,
            new { count }).AsList());
}
