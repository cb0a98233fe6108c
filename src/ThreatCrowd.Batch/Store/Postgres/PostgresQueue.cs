using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The one queue of every host on the PostgreSQL store. What is due and in what order is <see cref="Sqlite.DueQueue"/>'s
/// rule (never-answered first, then failed ones whose wait passed, then stale answers; pivots after inputs,
/// shallower first; higher-ranked sources first within each); but instead of loading a list, a process claims one
/// indicator at a time: the next due one that no other process holds, locked with <c>FOR UPDATE SKIP LOCKED</c> so
/// that two claiming at once take two different ones, and marked with a lease. Storing the outcome ends the claim;
/// a process that died leaves it until the lease runs out, and then the indicator is due to anyone again.
/// </summary>
/// <remarks>
/// "Due" is judged at the pass's start, not at each claim: an indicator another host answered during the pass is
/// then not stale even with Lookup:RefreshAfter 0, so no indicator is asked twice in one pass.
/// </remarks>
internal sealed class PostgresQueue(NpgsqlDataSource dataSource, string claimant)
{
    private const string Due =
        $"""
        (state = '{IndicatorStateNames.Pending}'
         OR (state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= @passStart))
         OR (state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= @staleBefore))
        """;

    private const string Group = $"CASE state WHEN '{IndicatorStateNames.Pending}' THEN 0 WHEN '{IndicatorStateNames.Failed}' THEN 1 ELSE 2 END";

    /// <summary>Claims the next due indicator no other process holds, until <paramref name="now"/> + <paramref name="lease"/>; null when none is left.</summary>
    /// <param name="passStart">When the pass began: what is due is judged as of then.</param>
    /// <param name="ranks">Sources:Priorities resolved to source ids (see <see cref="SourceRanksOf"/>); empty for none.</param>
    public QueuedIndicator? Claim(DateTimeOffset passStart, TimeSpan refreshAfter, DateTimeOffset now, TimeSpan lease, IReadOnlyDictionary<long, int> ranks)
    {
        var rank = ranks.Count > 0
            ? "coalesce((SELECT max(r.rank) FROM provenance p JOIN unnest(@rankSources, @rankValues) AS r(source_id, rank) ON r.source_id = p.source_id WHERE p.indicator_id = indicators.id), 0) DESC,"
            : string.Empty;
        var sql =
            $"""
            WITH next AS (
                SELECT id FROM indicators
                WHERE {Due} AND (claimed_until IS NULL OR claimed_until <= @now)
                ORDER BY depth, {Group}, {rank} coalesce(looked_up_at, 0), id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE indicators i SET claimed_by = @claimant, claimed_until = @until
            FROM next WHERE i.id = next.id
            RETURNING i.id, i.type, i.value, i.state, i.depth
            """;
        using var connection = dataSource.OpenConnection();
        var row = connection.QuerySingleOrDefault<(long Id, string Type, string Value, string State, int Depth)>(
            sql,
            new
            {
                passStart = UnixMs.From(passStart),
                staleBefore = UnixMs.From(passStart - refreshAfter),
                now = UnixMs.From(now),
                until = UnixMs.From(now + lease),
                claimant,
                rankSources = ranks.Keys.ToArray(),
                rankValues = ranks.Values.ToArray(),
            });
        return row.Type is not null && IndicatorTypeNames.TryParse(row.Type, out var type)
            ? new QueuedIndicator(row.Id, new Indicator(type, row.Value), IndicatorStateNames.Parse(row.State), row.Depth)
            : null;
    }

    /// <summary>Keeps the claim while the lookup goes on (a retry, a long back-off): returns false when it was lost to another process.</summary>
    public bool Renew(long indicatorId, DateTimeOffset until)
    {
        using var connection = dataSource.OpenConnection();
        return connection.Execute(
            "UPDATE indicators SET claimed_until = @until WHERE id = @indicatorId AND claimed_by = @claimant",
            new { indicatorId, until = UnixMs.From(until), claimant }) == 1;
    }

    /// <summary>Gives the indicator back unasked (the window closed, the run stopped): due to anyone at once.</summary>
    public void Release(long indicatorId)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "UPDATE indicators SET claimed_by = NULL, claimed_until = NULL WHERE id = @indicatorId AND claimed_by = @claimant",
            new { indicatorId, claimant });
    }

    /// <summary>How many are due now, claimed or not: pending ones from the kept counts, the others through their partial indexes.</summary>
    public long Count(DateTimeOffset now, TimeSpan refreshAfter)
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<long>(
            $"""
            SELECT (SELECT coalesce(sum(count), 0) FROM indicator_counts WHERE state = '{IndicatorStateNames.Pending}')::bigint
                 + (SELECT count(*) FROM indicators WHERE state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= @now))
                 + (SELECT count(*) FROM indicators WHERE state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= @staleBefore)
            """,
            new { now = UnixMs.From(now), staleBefore = UnixMs.From(now - refreshAfter) });
    }

    /// <summary>Sources:Priorities as source id → rank (the highest of the patterns matching its name), resolved once per pass.</summary>
    public IReadOnlyDictionary<long, int> SourceRanksOf(IReadOnlyList<(string Pattern, int Priority)> priorities)
    {
        if (priorities.Count == 0)
        {
            return new Dictionary<long, int>();
        }

        var patterns = priorities.Select(p => (Pattern: new WildcardPattern(p.Pattern.Trim()), p.Priority)).ToList();
        using var connection = dataSource.OpenConnection();
        var ranks = new Dictionary<long, int>();
        foreach (var (id, name) in connection.Query<(long, string)>("SELECT id, name FROM sources"))
        {
            var matching = patterns.Where(p => p.Pattern.Matches(name)).Select(p => p.Priority).ToList();
            if (matching.Count > 0)
            {
                ranks[id] = matching.Max();
            }
        }

        return ranks;
    }
}
