using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The start time of the last request, kept in the store so that a process started right after another one
/// waits out the rest of the interval instead of bursting.
/// </summary>
internal sealed class PacingState(SqliteConnection connection)
{
    public DateTimeOffset? LastRequestAt() =>
        UnixMs.To(connection.ExecuteScalar<long?>("SELECT last_request_at FROM pacing WHERE id = 1"));

    /// <summary>Records a request's start, and the indicator it asks about (null for a vote).</summary>
    public void RecordRequest(DateTimeOffset startedAt, long? indicatorId = null) =>
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, in_flight) VALUES (1, $at, $indicatorId)
            ON CONFLICT (id) DO UPDATE SET last_request_at = excluded.last_request_at, in_flight = excluded.in_flight
            """,
            new { at = UnixMs.From(startedAt), indicatorId });

    /// <summary>The indicator a request was started for whose outcome was never stored: the process died asking it.</summary>
    public long? InFlight() => connection.ExecuteScalar<long?>("SELECT in_flight FROM pacing WHERE id = 1");

    /// <summary>The request in flight is settled (its outcome stored, or deliberately left due).</summary>
    public void Settle() => connection.Execute("UPDATE pacing SET in_flight = NULL WHERE id = 1");
}
