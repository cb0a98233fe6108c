using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Checkpoints one lookup: the answer (or the failure), the indicator's state and the run's counters go into one
/// transaction, so whenever the process stops, an answer is either wholly stored or not at all.
/// </summary>
internal sealed class AnswerWriter(SqliteConnection connection) : IAnswerStore
{
    private readonly FlaggedIndicators _flagged = new(connection);

    public void SaveAnswer(long indicatorId, LookupAnswer answer, DateTimeOffset answeredAt, long runId, IReadOnlyList<Pivot>? pivots = null) =>
        SqliteErrors.Guard(() => Save(indicatorId, answer, answeredAt, runId, pivots));

    public void SaveFailure(long indicatorId, string reason, DateTimeOffset retryAfter, long runId) =>
        SqliteErrors.Guard(() => SaveFailed(indicatorId, reason, retryAfter, runId));

    public void MarkCutOff(long indicatorId, string reason, DateTimeOffset at) =>
        SqliteErrors.Guard(() => MarkFailedByDeath(indicatorId, reason, at));

    public bool IsFlagged(long indicatorId, Indicator indicator) =>
        SqliteErrors.Guard(() => _flagged.IsFlagged(indicatorId, indicator));

    private void Save(long indicatorId, LookupAnswer answer, DateTimeOffset answeredAt, long runId, IReadOnlyList<Pivot>? pivots)
    {
        var at = UnixMs.From(answeredAt);
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            """
            INSERT OR REPLACE INTO answers (indicator_id, found, votes, permalink, md5, sha1, raw_body, answered_at, relations_cut)
            VALUES ($id, $found, $votes, $permalink, $md5, $sha1, $body, $at, $cut)
            """,
            new
            {
                id = indicatorId, found = answer.Found, votes = answer.Votes, permalink = answer.Permalink, md5 = answer.Md5, sha1 = answer.Sha1,
                body = answer.RawBody, at, cut = answer.RelationsCut,
            },
            transaction);
        connection.Execute("DELETE FROM relations WHERE indicator_id = $id", new { id = indicatorId }, transaction);
        connection.Execute(
            """
            INSERT OR REPLACE INTO relations (indicator_id, relation, related, related_type, last_resolved)
            VALUES ($id, $Kind, $Related, $RelatedType, $LastResolved)
            """,
            answer.Relations.Select(r => new { id = indicatorId, r.Kind, r.Related, r.RelatedType, r.LastResolved }),
            transaction);
        var state = answer.Found ? IndicatorStateNames.Found : IndicatorStateNames.NotFound;
        connection.Execute(
            """
            UPDATE indicators SET state = $state, looked_up_at = $at, failures = 0, last_error = NULL, retry_after = NULL
            WHERE id = $id
            """,
            new { id = indicatorId, state, at },
            transaction);
        var counter = state; // the runs table names its counters after the states
        connection.Execute($"UPDATE runs SET looked_up = looked_up + 1, {counter} = {counter} + 1 WHERE id = $runId", new { runId }, transaction);
        if (pivots is { Count: > 0 })
        {
            var queue = new PivotWriter(connection, transaction);
            foreach (var pivot in pivots)
            {
                queue.Add(pivot.Target, pivot.SourceName, pivot.Depth, answeredAt);
            }
        }

        SettleInFlight(indicatorId, transaction);
        transaction.Commit();
    }

    private void SaveFailed(long indicatorId, string reason, DateTimeOffset retryAfter, long runId)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            $"""
            UPDATE indicators SET state = '{IndicatorStateNames.Failed}', failures = failures + 1, last_error = $reason, retry_after = $retryAfter
            WHERE id = $id
            """,
            new { id = indicatorId, reason, retryAfter = UnixMs.From(retryAfter) },
            transaction);
        connection.Execute("UPDATE runs SET looked_up = looked_up + 1, failed = failed + 1 WHERE id = $runId", new { runId }, transaction);
        SettleInFlight(indicatorId, transaction);
        transaction.Commit();
    }

    /// <summary>Not counted in any run's totals: the run that asked it is over.</summary>
    private void MarkFailedByDeath(long indicatorId, string reason, DateTimeOffset at)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(
            $"""
            UPDATE indicators SET state = '{IndicatorStateNames.Failed}', failures = failures + 1, last_error = $reason, retry_after = $at
            WHERE id = $indicatorId
            """,
            new { indicatorId, reason, at = UnixMs.From(at) },
            transaction);
        SettleInFlight(indicatorId, transaction);
        transaction.Commit();
    }

    // Stored together with the outcome: a kill can never leave an answered indicator marked as in flight.
    private void SettleInFlight(long indicatorId, SqliteTransaction transaction) =>
        connection.Execute("UPDATE pacing SET in_flight = NULL WHERE id = 1 AND in_flight = $indicatorId", new { indicatorId }, transaction);
}
