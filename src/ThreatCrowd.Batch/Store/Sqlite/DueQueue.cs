using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// What a run asks, in order: never-answered indicators first (in import order), then failed ones whose wait has
/// passed, then answers older than the refresh age, oldest first. Within each of the three, indicators named by a
/// source with a higher Sources:Priorities rank come first. Only ids are loaded, so a queue of millions costs a few
/// megabytes. Pivots come after every direct input, shallower first (depth 0 is an input).
/// </summary>
internal sealed class DueQueue(SqliteConnection connection) : IDueQueue
{
    private const string DueCondition =
        $"""
        state = '{IndicatorStateNames.Pending}'
        OR (state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= $now))
        OR (state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= $staleBefore)
        """;

    private const string GroupSql = $"CASE state WHEN '{IndicatorStateNames.Pending}' THEN 0 WHEN '{IndicatorStateNames.Failed}' THEN 1 ELSE 2 END";

    // Every indicator named by an input or feed; pivots (depth > 0) are in the partial index indicators_pivots.
    private const string DirectInputs = "depth = 0";

    private const string BarePending = $"state = '{IndicatorStateNames.Pending}' AND coalesce(looked_up_at, 0) = 0";

    // The due indicators that are not bare pending ones, each part written so that one of the store's partial
    // indexes answers it (indicators_pending_timed, indicators_failed, indicators_answered): a store of millions of
    // pending indicators is not read through to find the few others.
    private const string TimedPending =
        $"state = '{IndicatorStateNames.Pending}' AND looked_up_at IS NOT NULL AND looked_up_at <> 0";

    private const string FailedDue =
        $"state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= ?1)";

    private const string StaleAnswers =
        $"state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= ?2";

    public List<long> Load(DateTimeOffset now, TimeSpan refreshAfter, int limit, IReadOnlyList<(string Pattern, int Priority)> priorities) =>
        SqliteErrors.Guard(() => LoadDue(now, refreshAfter, limit, priorities));

    /// <summary>
    /// How many are due: every pending one, from the counts the store's triggers keep, and the failed and stale ones
    /// through their partial indexes. What is read grows with what is due besides pending ones, not with the store.
    /// </summary>
    public long Count(DateTimeOffset now, TimeSpan refreshAfter) => SqliteErrors.Guard(() =>
    {
        var pending = connection.ExecuteScalar<long>(
            $"SELECT coalesce(sum(count), 0) FROM indicator_counts WHERE state = '{IndicatorStateNames.Pending}'");
        using var others = new PreparedStatement(
            connection, $"SELECT (SELECT count(*) FROM indicators WHERE {FailedDue}) + (SELECT count(*) FROM indicators WHERE {StaleAnswers})");
        others.Bind(1, UnixMs.From(now)).Bind(2, UnixMs.From(now - refreshAfter));
        return pending + (others.Step() ? others.Int64(0) : 0);
    });

    public QueuedIndicator? Find(long id) => SqliteErrors.Guard(() =>
    {
        var row = connection.QuerySingleOrDefault<(string Type, string Value, string State, int Depth)>(
            "SELECT type, value, state, depth FROM indicators WHERE id = $id", new { id });
        return row.Type is not null && IndicatorTypeNames.TryParse(row.Type, out var type)
            ? new QueuedIndicator(id, new Indicator(type, row.Value), IndicatorStateNames.Parse(row.State), row.Depth)
            : null;
    });

    /// <summary>One process holds a SQLite store (its lock file), so nothing else can take the indicator meanwhile.</summary>
    public QueuedIndicator? Claim(long id, DateTimeOffset loadedAt, TimeSpan refreshAfter, DateTimeOffset now) => Find(id);

    public void Renew(long id, DateTimeOffset now)
    {
    }

    public void Release(long id)
    {
    }

    private List<long> LoadDue(DateTimeOffset now, TimeSpan refreshAfter, int limit, IReadOnlyList<(string Pattern, int Priority)> priorities)
    {
        // Without ranks (the usual case) the direct inputs come in import order within three small-to-sort groups.
        if (SourceRanks.Load(connection, priorities))
        {
            return LoadRanked(now, refreshAfter, limit);
        }

        var due = LoadInIdOrder(now, refreshAfter, limit);
        if (limit > 0 && due.Count >= limit)
        {
            return due;
        }

        // Pivots after them, from the partial index that holds only pivots: sorting those is sorting what pivots
        // added, not the store.
        var sql =
            $"""
            SELECT id FROM indicators
            WHERE depth > 0 AND ({DueCondition})
            ORDER BY depth, {GroupSql}, coalesce(looked_up_at, 0), id
            {(limit > 0 ? "LIMIT $limit" : string.Empty)}
            """;
        due.AddRange(connection.Query<long>(sql, Parameters(now, refreshAfter, limit - due.Count)));
        return due;
    }

    /// <summary>
    /// With Sources:Priorities the rank of every due indicator takes part in the order: one sorted query over them
    /// (the rank lookup costs a subquery per due indicator, so it is only part of the order when ranks are set).
    /// </summary>
    private List<long> LoadRanked(DateTimeOffset now, TimeSpan refreshAfter, int limit)
    {
        var rank = $"coalesce((SELECT max(r.rank) FROM provenance p JOIN {SourceRanks.Table} r ON r.source_id = p.source_id WHERE p.indicator_id = indicators.id), 0) DESC,";
        var sql =
            $"""
            SELECT id FROM indicators
            WHERE {DueCondition}
            ORDER BY depth, {GroupSql}, {rank} coalesce(looked_up_at, 0), id
            {(limit > 0 ? "LIMIT $limit" : string.Empty)}
            """;
        return connection.Query<long>(sql, Parameters(now, refreshAfter, limit)).AsList();
    }

    /// <summary>
    /// The due direct inputs (depth 0) in the order above when no ranks take part. Asking SQLite for that order sorts the whole queue, which for a million pending
    /// indicators took most of a second before the first request. Instead the table is read in id order (SQLite's
    /// cheapest): pending ones come out in order already (they have no lookup time), and the other groups, usually
    /// small, are sorted here by the same keys.
    /// </summary>
    // Optimized from its first call: it runs once per process, over up to millions of rows, before the first request.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<long> LoadInIdOrder(DateTimeOffset now, TimeSpan refreshAfter, int limit)
    {
        // Never-answered indicators without a lookup time (normally the whole queue) are already in order by id: only
        // their ids are read. The rest, usually few, come with their group as a number and their lookup time.
        // Bare pending ones come before every other due indicator, so with a limit no more of them are needed.
        var pending = new List<long>();
        var bare = $"SELECT id FROM indicators WHERE {BarePending} AND {DirectInputs} ORDER BY id{(limit > 0 ? " LIMIT ?1" : string.Empty)}";
        using (var query = new PreparedStatement(connection, bare))
        {
            if (limit > 0)
            {
                query.Bind(1, limit);
            }

            while (query.Step())
            {
                pending.Add(query.Int64(0));
            }
        }

        var others = new[] { new List<(long LookedUpAt, long Id)>(), new List<(long LookedUpAt, long Id)>(), new List<(long LookedUpAt, long Id)>() };
        var parts = new[] { TimedPending, FailedDue, StaleAnswers };
        for (var group = 0; group < parts.Length; group++)
        {
            using var query = new PreparedStatement(connection, $"SELECT id, coalesce(looked_up_at, 0) FROM indicators WHERE {parts[group]} AND {DirectInputs}");
            if (group > 0)
            {
                query.Bind(group, UnixMs.From(group == 1 ? now : now - refreshAfter));
            }

            while (query.Step())
            {
                others[group].Add((query.Int64(1), query.Int64(0)));
            }
        }

        var due = new List<long>(pending.Count + others.Sum(o => o.Count));
        if (others[0].Count == 0)
        {
            due.AddRange(pending);
        }
        else
        {
            // Pending ones with a lookup time are unusual: then the whole group is sorted by time and id.
            others[0].AddRange(pending.Select(id => (0L, id)));
        }

        foreach (var group in others)
        {
            group.Sort();
            due.AddRange(group.Select(entry => entry.Id));
        }

        if (limit > 0 && due.Count > limit)
        {
            due.RemoveRange(limit, due.Count - limit);
        }

        return due;
    }

    private static DynamicParameters Parameters(DateTimeOffset now, TimeSpan refreshAfter, int limit)
    {
        var parameters = new DynamicParameters();
        parameters.Add("$now", UnixMs.From(now));
        parameters.Add("$staleBefore", UnixMs.From(now - refreshAfter));
        parameters.Add("$limit", limit);
        return parameters;
    }
}
