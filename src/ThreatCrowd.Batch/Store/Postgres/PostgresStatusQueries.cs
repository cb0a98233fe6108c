using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>Counts for the status command on the PostgreSQL store, as <see cref="Sqlite.StatusQueries"/> gives them on SQLite.</summary>
internal sealed class PostgresStatusQueries(NpgsqlDataSource dataSource) : IStatusCounts
{
    /// <summary>Read from the counts the store's triggers keep, not by counting millions of rows.</summary>
    public IReadOnlyList<(string Type, string State, long Count)> CountsByTypeAndState() =>
        Query<(string, string, long)>("SELECT type, state, count FROM indicator_counts WHERE count > 0 ORDER BY type COLLATE \"C\", state COLLATE \"C\"");

    /// <summary>
    /// Asked of indicators only when the counts say they hold any: a read into an empty store holds the table to
    /// itself until it commits (<see cref="PostgresFirstRead"/>), and status must not wait for it to say "empty".
    /// </summary>
    public IReadOnlyList<(int Depth, long Count, long Queued)> PivotsByDepth() =>
        Counted("count > 0")
            ? Query<(int, long, long)>(
                $"SELECT depth, count(*), count(*) FILTER (WHERE state = '{IndicatorStateNames.Pending}') FROM indicators WHERE depth > 0 GROUP BY depth ORDER BY depth")
            : [];

    public (long Answers, long Items) RelationsCut()
    {
        using var connection = dataSource.OpenConnection();
        return connection.QuerySingle<(long, long)>("SELECT count(*), coalesce(sum(relations_cut), 0)::bigint FROM answers WHERE relations_cut > 0");
    }

    public long Rejects()
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM rejects");
    }

    /// <summary>Failed indicators grouped by reason, most common first, each with one example (the least, as SQLite's min() picks it).</summary>
    public IReadOnlyList<(string Error, long Count, string Example)> FailuresByReason(int count) =>
        Counted($"state = '{IndicatorStateNames.Failed}' AND count > 0")
            ? Query<(string, long, string)>(
                $"""
                SELECT coalesce(last_error, 'unknown'), count(*), min(type || ' ' || value COLLATE "C") FROM indicators
                WHERE state = '{IndicatorStateNames.Failed}' GROUP BY last_error ORDER BY count(*) DESC, last_error COLLATE "C" NULLS FIRST LIMIT {count}
                """)
            : [];

    /// <summary>Whether the kept counts have a row where <paramref name="condition"/> holds.</summary>
    private bool Counted(string condition)
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<bool>($"SELECT EXISTS (SELECT 1 FROM indicator_counts WHERE {condition})");
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<T>(sql).AsList();
    }
}
