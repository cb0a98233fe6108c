using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Tells what an export shows that the previous one did not, and what it no longer shows: verdicts and related
/// items. The differences go into the store's change history and the snapshot moves on, in one transaction, so two
/// exports (a run's and an <c>export</c> beside it) never record the same change twice. With no snapshot yet (the
/// first export), everything is added: the SIEM has seen none of it.
/// </summary>
internal sealed class ChangeDetector(SqliteConnection connection) : IChangeLog
{
    public ChangeCounts Detect(ExportCutoff cutoff, long? runId, DateTimeOffset now, TimeSpan keep) => SqliteErrors.Guard(() =>
    {
        using var transaction = connection.BeginTransaction();
        var before = connection.ExecuteScalar<long>("SELECT coalesce(max(id), 0) FROM changes", transaction: transaction);
        connection.Execute(
            ChangeSql.RecordDifferences,
            new { now = UnixMs.From(now), run = runId, since = cutoff.ImportedSinceMs },
            transaction);
        connection.Execute(ChangeSql.ApplyToSnapshot, new { before }, transaction);
        var counts = connection.QuerySingle<(long Added, long Removed)>(
            "SELECT coalesce(sum(change = 'added'), 0), coalesce(sum(change = 'removed'), 0) FROM changes WHERE id > $before",
            new { before },
            transaction);
        connection.Execute(ChangeSql.Prune, new { keepSince = UnixMs.From(now - keep) }, transaction);
        transaction.Commit();
        return new ChangeCounts(counts.Added, counts.Removed);
    });

    /// <summary>
    /// The run in progress: called by the process that holds the store lock, between starting and finishing its run,
    /// this is that run (starting a run marks any older unfinished one as killed).
    /// </summary>
    public long? RunInProgress() => SqliteErrors.Guard(() =>
        connection.ExecuteScalar<long?>("SELECT max(id) FROM runs WHERE ended_at IS NULL AND ended_because IS NULL"));
}
