using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Checkpoints one lookup on the PostgreSQL store, as <see cref="Sqlite.AnswerWriter"/> does on SQLite: the answer (or the
/// failure), the indicator's state, the run's counters and the pivots planned from it in one transaction, which
/// also ends the claim on the indicator.
/// </summary>
internal sealed class PostgresAnswerWriter(NpgsqlDataSource dataSource) : IAnswerStore
{
    public void SaveAnswer(long indicatorId, LookupAnswer answer, DateTimeOffset answeredAt, long runId, IReadOnlyList<Pivot>? pivots = null)
    {
        var at = UnixMs.From(answeredAt);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            """
            INSERT INTO answers (indicator_id, found, votes, permalink, md5, sha1, raw_body, answered_at, relations_cut)
            VALUES (@id, @found, @votes, @permalink, @md5, @sha1, @body, @at, @cut)
            ON CONFLICT (indicator_id) DO UPDATE SET found = excluded.found, votes = excluded.votes, permalink = excluded.permalink,
                md5 = excluded.md5, sha1 = excluded.sha1, raw_body = excluded.raw_body, answered_at = excluded.answered_at,
                relations_cut = excluded.relations_cut
            """,
            new
            {
                id = indicatorId, found = answer.Found, votes = answer.Votes, permalink = answer.Permalink, md5 = answer.Md5, sha1 = answer.Sha1,
                body = answer.RawBody, at, cut = answer.RelationsCut,
            },
            transaction);
        connection.Execute("DELETE FROM relations WHERE indicator_id = @id", new { id = indicatorId }, transaction);
        connection.Execute(
            """
            INSERT INTO relations (indicator_id, relation, related, related_type, last_resolved)
            VALUES (@id, @Kind, @Related, @RelatedType, @LastResolved)
            ON CONFLICT (indicator_id, relation, related) DO UPDATE SET related_type = excluded.related_type, last_resolved = excluded.last_resolved
            """,
            answer.Relations.Select(r => new { id = indicatorId, r.Kind, r.Related, r.RelatedType, r.LastResolved }),
            transaction);
        var state = answer.Found ? IndicatorStateNames.Found : IndicatorStateNames.NotFound;
        connection.Execute(
            """
            UPDATE indicators SET state = @state, looked_up_at = @at, failures = 0, last_error = NULL, retry_after = NULL,
                                  claimed_by = NULL, claimed_until = NULL
            WHERE id = @id
            """,
            new { id = indicatorId, state, at },
            transaction);
        var counter = state; // the runs table names its counters after the states
        connection.Execute($"UPDATE runs SET looked_up = looked_up + 1, {counter} = {counter} + 1 WHERE id = @runId", new { runId }, transaction);
        foreach (var pivot in pivots ?? [])
        {
            QueuePivot(connection, transaction, pivot, at);
        }

        transaction.Commit();
    }

    public void SaveFailure(long indicatorId, string reason, DateTimeOffset retryAfter, long runId)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            $"""
            UPDATE indicators SET state = '{IndicatorStateNames.Failed}', failures = failures + 1, last_error = @reason, retry_after = @retryAfter,
                                  claimed_by = NULL, claimed_until = NULL
            WHERE id = @id
            """,
            new { id = indicatorId, reason, retryAfter = UnixMs.From(retryAfter) },
            transaction);
        connection.Execute("UPDATE runs SET looked_up = looked_up + 1, failed = failed + 1 WHERE id = @runId", new { runId }, transaction);
        transaction.Commit();
    }

    /// <summary>A dead process left this indicator's request without an outcome: a transient failure, due again at once but after the never-asked ones.</summary>
    public void MarkCutOff(long indicatorId, string reason, DateTimeOffset at)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            $"""
            UPDATE indicators SET state = '{IndicatorStateNames.Failed}', failures = failures + 1, last_error = @reason, retry_after = @at,
                                  claimed_by = NULL, claimed_until = NULL
            WHERE id = @indicatorId
            """,
            new { indicatorId, reason, at = UnixMs.From(at) });
    }

    /// <summary>Whether an indicator is flagged apart from the crowd's votes: named by a feed, or voted malicious by the analysts.</summary>
    public bool IsFlagged(long indicatorId, Indicator indicator)
    {
        using var connection = dataSource.OpenConnection();
        return connection.ExecuteScalar<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id WHERE p.indicator_id = @indicatorId AND s.kind = 'feed')
                OR EXISTS (SELECT 1 FROM votes WHERE type = @type AND value = @value AND verdict = '{VerdictNames.Malicious}' AND state = '{VoteStateNames.Sent}')
            """,
            new { indicatorId, type = indicator.Type.ToName(), value = indicator.Value });
    }

    /// <summary>As <see cref="Sqlite.PivotWriter"/>: the item becomes an indicator (or keeps the stored one, at the lesser depth), with a pivot source.</summary>
    private static void QueuePivot(NpgsqlConnection connection, NpgsqlTransaction transaction, Pivot pivot, long at)
    {
        var sourceId = connection.ExecuteScalar<long>(
            """
            INSERT INTO sources (name, kind, last_read_at) VALUES (@name, 'pivot', @at)
            ON CONFLICT (name) DO UPDATE SET last_read_at = excluded.last_read_at
            RETURNING id
            """,
            new { name = pivot.SourceName, at },
            transaction);
        var indicatorId = connection.ExecuteScalar<long>(
            """
            INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES (@type, @value, @at, @at, @depth)
            ON CONFLICT (type, value) DO UPDATE SET depth = least(indicators.depth, excluded.depth),
                                                    last_imported_at = greatest(indicators.last_imported_at, excluded.last_imported_at)
            RETURNING id
            """,
            new { type = pivot.Target.Type.ToName(), value = pivot.Target.Value, at, depth = pivot.Depth },
            transaction);
        connection.Execute(
            """
            INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES (@indicatorId, @sourceId, @at, @at)
            ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
            """,
            new { indicatorId, sourceId, at },
            transaction);
    }
}
