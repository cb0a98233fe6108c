using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// When the last request went out, which request is in flight, and a pause the server asked for, kept in the store
/// so that a process started right after another one waits out the rest of the interval (and the pause) instead
/// of bursting.
/// </summary>
internal sealed class PacingState(SqliteConnection connection)
{
    /// <summary>What <c>in_flight</c> holds while a vote is being sent: no indicator has id 0.</summary>
    public const long VoteInFlight = 0;

    public DateTimeOffset? LastRequestAt() =>
        UnixMs.To(connection.ExecuteScalar<long?>("SELECT last_request_at FROM pacing WHERE id = 1"));

    /// <summary>
    /// Where a new process measures its first turn from. A request left in flight by a process that died may have
    /// gone out any time before the death, later than its recorded turn: then the turn is measured from now.
    /// </summary>
    public DateTimeOffset? LastRequestForNewProcess(DateTimeOffset now)
    {
        var last = LastRequestAt();
        return InFlight() is null || last is null || last > now ? last : now;
    }

    /// <summary>Records a request's turn, and the indicator it asks about (<see cref="VoteInFlight"/> for a vote).</summary>
    public void RecordRequest(DateTimeOffset startedAt, long indicatorId) =>
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, in_flight) VALUES (1, $at, $indicatorId)
            ON CONFLICT (id) DO UPDATE SET last_request_at = excluded.last_request_at, in_flight = excluded.in_flight
            """,
            new { at = UnixMs.From(startedAt), indicatorId });

    /// <summary>The server had surely counted the last request by <paramref name="at"/> (later than its turn): the next turn counts from there.</summary>
    public void RecordCounted(DateTimeOffset at) =>
        connection.Execute("UPDATE pacing SET last_request_at = max(last_request_at, $at) WHERE id = 1", new { at = RoundedUp(at) });

    /// <summary>The indicator a request was started for whose outcome was never stored: the process died asking it.</summary>
    public long? InFlight() => connection.ExecuteScalar<long?>("SELECT in_flight FROM pacing WHERE id = 1");

    /// <summary>The request in flight is settled (its outcome stored, or deliberately left due).</summary>
    public void Settle() => connection.Execute("UPDATE pacing SET in_flight = NULL WHERE id = 1");

    /// <summary>The server asked for a pause: no request of any kind, in this process or the next, starts before it ends.</summary>
    public void Pause(DateTimeOffset until, string reason) =>
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, paused_until, pause_reason) VALUES (1, $until, $until, $reason)
            ON CONFLICT (id) DO UPDATE SET paused_until = excluded.paused_until, pause_reason = excluded.pause_reason
            """,
            new { until = RoundedUp(until), reason });

    /// <summary>The pause the server asked for, if it has not ended by <paramref name="now"/>.</summary>
    public ServerPause? PauseInForce(DateTimeOffset now)
    {
        var row = connection.QuerySingleOrDefault<(long? Until, string? Reason)>("SELECT paused_until, pause_reason FROM pacing WHERE id = 1");
        return UnixMs.To(row.Until) is { } until && until > now ? new ServerPause(until, row.Reason ?? "") : null;
    }

    /// <summary>The store keeps milliseconds; rounding down would let the next process start a fraction early.</summary>
    private static long RoundedUp(DateTimeOffset at) => UnixMs.From(at.AddTicks(TimeSpan.TicksPerMillisecond - 1));
}
