using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The one queue of every host on the PostgreSQL store. What is due and in what order is <see cref="Sqlite.DueQueue"/>'s
/// rule (never-answered first, then failed ones whose wait passed, then stale answers; pivots after inputs,
/// shallower first; higher-ranked sources first within each). Every host loads the same ordered list once per pass
/// (one sort, not one per request) and takes each indicator by claiming it: a conditional update that only one
/// host wins, marking it with a lease. Storing the outcome ends the claim; a process that died leaves it until the
/// lease runs out, and then the indicator is due to anyone again.
/// </summary>
/// <remarks>
/// "Due" is judged as of the moment the list was loaded, not at each claim: an indicator another host answered
/// during the pass is then not stale even with Lookup:RefreshAfter 0, so no indicator is asked twice in one pass.
/// Leases are measured on the hosts' clocks: keep them within a small part of Store:ClaimLease of each other (NTP).
/// </remarks>
internal sealed class PostgresQueue(NpgsqlDataSource dataSource, string claimant, TimeSpan lease) : IDueQueue
{
    private const string Due =
        $"""
        (state = '{IndicatorStateNames.Pending}'
         OR (state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= @loadedAt))
         OR (state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= @staleBefore))
        """;

    private const string Unclaimed = "(claimed_until IS NULL OR claimed_until <= @now)";

    private const string Group = $"CASE state WHEN '{IndicatorStateNames.Pending}' THEN 0 WHEN '{IndicatorStateNames.Failed}' THEN 1 ELSE 2 END";

    private const string Order = "coalesce(looked_up_at, 0), id";

    // The due direct inputs (depth 0) in groups, each read on its own so that no query sorts the whole table to
    // give a few: with a limit, bare pending ones in id order (the primary key, stopping at the limit) and then the
    // rare pending ones with a lookup time; without one, every pending one in one sorted read (the whole queue is
    // wanted anyway). Then failed and stale ones through their partial indexes (indicators_failed, indicators_answered).
    private const string AllPending = $"state = '{IndicatorStateNames.Pending}'";

    private static readonly string[] DirectGroups =
    [
        $"{AllPending} AND coalesce(looked_up_at, 0) = 0",
        $"{AllPending} AND looked_up_at IS NOT NULL AND looked_up_at <> 0",
        $"state = '{IndicatorStateNames.Failed}' AND (retry_after IS NULL OR retry_after <= @loadedAt)",
        $"state IN ('{IndicatorStateNames.Found}', '{IndicatorStateNames.NotFound}') AND looked_up_at <= @staleBefore",
    ];

    public List<long> Load(DateTimeOffset now, TimeSpan refreshAfter, int limit, IReadOnlyList<(string Pattern, int Priority)> priorities)
    {
        var ranks = SourceRanksOf(priorities);
        using var connection = dataSource.OpenConnection();
        ReleaseClaimsOfGoneProcesses(connection);
        var parameters = new DynamicParameters(new
        {
            loadedAt = UnixMs.From(now),
            staleBefore = UnixMs.From(now - refreshAfter),
            now = UnixMs.From(now),
            rankSources = ranks.Keys.ToArray(),
            rankValues = ranks.Values.ToArray(),
        });
        if (ranks.Count > 0)
        {
            // With Sources:Priorities the rank of every due indicator takes part in the order: one sorted query.
            const string Rank =
                "coalesce((SELECT max(r.rank) FROM provenance p JOIN unnest(@rankSources, @rankValues) AS r(source_id, rank) ON r.source_id = p.source_id WHERE p.indicator_id = indicators.id), 0) DESC,";
            return Read(connection, $"{Due} AND {Unclaimed}", $"depth, {Group}, {Rank} {Order}", limit, parameters);
        }

        // A store without pending indicators (all answered) is not read through to find none.
        var anyPending = connection.ExecuteScalar<bool>(
            $"SELECT EXISTS (SELECT 1 FROM indicator_counts WHERE state = '{IndicatorStateNames.Pending}' AND count > 0)");
        var due = new List<long>();
        if (anyPending && limit <= 0)
        {
            due.AddRange(Read(connection, $"{AllPending} AND depth = 0 AND {Unclaimed}", Order, limit, parameters));
        }

        for (var group = anyPending && limit > 0 ? 0 : 2; group < DirectGroups.Length && (limit <= 0 || due.Count < limit); group++)
        {
            var order = group == 0 ? "id" : Order;
            due.AddRange(Read(connection, $"{DirectGroups[group]} AND depth = 0 AND {Unclaimed}", order, limit - due.Count, parameters));
        }

        // Pivots after every direct input, shallower first, from the partial index that holds only pivots.
        if (limit <= 0 || due.Count < limit)
        {
            due.AddRange(Read(connection, $"depth > 0 AND {Due} AND {Unclaimed}", $"depth, {Group}, {Order}", limit - due.Count, parameters));
        }

        return due;
    }

    /// <summary>
    /// Frees the claims of processes of this host that are gone, so their indicators are due to this pass at once
    /// rather than after the lease: a process that stopped because the database went away could not release its own,
    /// and a <c>resume</c> by hand right after it would otherwise leave them for the next run. Read through
    /// indicators_claimed, which holds only the claims of the moment.
    /// </summary>
    private static void ReleaseClaimsOfGoneProcesses(NpgsqlConnection connection)
    {
        var gone = connection.Query<string>(
                "SELECT DISTINCT claimed_by FROM indicators WHERE claimed_by IS NOT NULL AND starts_with(claimed_by, @host)",
                new { host = ProcessName.ThisHostPrefix })
            .Where(ProcessName.IsGoneFromThisHost)
            .ToArray();
        if (gone.Length > 0)
        {
            connection.Execute("UPDATE indicators SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = ANY(@gone)", new { gone });
        }
    }

    private static List<long> Read(NpgsqlConnection connection, string where, string orderBy, int limit, DynamicParameters parameters)
    {
        parameters.Add("limit", limit);
        return connection.Query<long>(
            $"SELECT id FROM indicators WHERE {where} ORDER BY {orderBy}{(limit > 0 ? " LIMIT @limit" : string.Empty)}", parameters, buffered: true).AsList();
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

    public QueuedIndicator? Find(long id)
    {
        using var connection = dataSource.OpenConnection();
        return ToQueued(connection.QuerySingleOrDefault<(long Id, string Type, string Value, string State, int Depth)>(
            "SELECT id, type, value, state, depth FROM indicators WHERE id = @id", new { id }));
    }

    /// <summary>Takes the indicator if it is still due as of <paramref name="loadedAt"/> and no other host holds it, until <paramref name="now"/> + the lease.</summary>
    public QueuedIndicator? Claim(long id, DateTimeOffset loadedAt, TimeSpan refreshAfter, DateTimeOffset now)
    {
        using var connection = dataSource.OpenConnection();
        return ToQueued(connection.QuerySingleOrDefault<(long Id, string Type, string Value, string State, int Depth)>(
            $"""
            UPDATE indicators SET claimed_by = @claimant, claimed_until = @until
            WHERE id = @id AND {Due} AND ({Unclaimed} OR claimed_by = @claimant)
            RETURNING id, type, value, state, depth
            """,
            new
            {
                id,
                loadedAt = UnixMs.From(loadedAt),
                staleBefore = UnixMs.From(loadedAt - refreshAfter),
                now = UnixMs.From(now),
                until = UnixMs.From(now + lease),
                claimant,
            }));
    }

    /// <summary>Keeps the claim while the lookup goes on (a retry, a long back-off); one lost to another host after its lease ran out stays lost.</summary>
    public void Renew(long id, DateTimeOffset now)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "UPDATE indicators SET claimed_until = @until WHERE id = @id AND claimed_by = @claimant",
            new { id, until = UnixMs.From(now + lease), claimant });
    }

    public void Release(long id)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "UPDATE indicators SET claimed_by = NULL, claimed_until = NULL WHERE id = @id AND claimed_by = @claimant",
            new { id, claimant });
    }

    /// <summary>Sources:Priorities as source id → rank (the highest of the patterns matching its name), resolved once per pass.</summary>
    private Dictionary<long, int> SourceRanksOf(IReadOnlyList<(string Pattern, int Priority)> priorities)
    {
        var ranks = new Dictionary<long, int>();
        if (priorities.Count == 0)
        {
            return ranks;
        }

        var patterns = priorities.Select(p => (Pattern: new WildcardPattern(p.Pattern.Trim()), p.Priority)).ToList();
        using var connection = dataSource.OpenConnection();
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

    private static QueuedIndicator? ToQueued((long Id, string Type, string Value, string State, int Depth) row) =>
        row.Type is not null && IndicatorTypeNames.TryParse(row.Type, out var type)
            ? new QueuedIndicator(row.Id, new Indicator(type, row.Value), IndicatorStateNames.Parse(row.State), row.Depth)
            : null;
}
