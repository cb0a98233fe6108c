using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Configuration;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// What a run asks, in order: never-answered indicators first (in import order), then failed ones whose wait has
/// passed, then answers older than the refresh age, oldest first. Within each of the three, indicators named by a
/// source with a higher Sources:Priorities rank come first. Only ids are loaded, so a queue of millions costs a few
/// megabytes. Pivots come after every direct input, shallower first (depth 0 is an input).
/// </summary>
internal static class DueQueue
{
    private const string DueCondition =
        """
        state = 'pending'
        OR (state = 'failed' AND (retry_after IS NULL OR retry_after <= $now))
        OR (state IN ('found', 'not_found') AND looked_up_at <= $staleBefore)
        """;

    public static List<long> Load(SqliteConnection connection, DateTimeOffset now, TimeSpan refreshAfter, int limit) =>
        Load(connection, now, refreshAfter, limit, []);

    public static List<long> Load(SqliteConnection connection, DateTimeOffset now, TimeSpan refreshAfter, int limit, IReadOnlyList<SourcePriority> priorities)
    {
        // The rank lookup costs a subquery per due indicator, so it is only part of the order when ranks are set.
        var rank = SourceRanks.Load(connection, priorities)
            ? $"coalesce((SELECT max(r.rank) FROM provenance p JOIN {SourceRanks.Table} r ON r.source_id = p.source_id WHERE p.indicator_id = indicators.id), 0) DESC,"
            : string.Empty;
        var sql =
            $"""
            SELECT id FROM indicators
            WHERE {DueCondition}
            ORDER BY depth, CASE state WHEN 'pending' THEN 0 WHEN 'failed' THEN 1 ELSE 2 END, {rank} coalesce(looked_up_at, 0), id
            {(limit > 0 ? "LIMIT $limit" : string.Empty)}
            """;
        return connection.Query<long>(sql, Parameters(now, refreshAfter, limit)).AsList();
    }

    public static long Count(SqliteConnection connection, DateTimeOffset now, TimeSpan refreshAfter) =>
        connection.ExecuteScalar<long>($"SELECT count(*) FROM indicators WHERE {DueCondition}", Parameters(now, refreshAfter, 0));

    private static DynamicParameters Parameters(DateTimeOffset now, TimeSpan refreshAfter, int limit)
    {
        var parameters = new DynamicParameters();
        parameters.Add("$now", UnixMs.From(now));
        parameters.Add("$staleBefore", UnixMs.From(now - refreshAfter));
        parameters.Add("$limit", limit);
        return parameters;
    }
}
