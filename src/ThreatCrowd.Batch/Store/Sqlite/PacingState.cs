using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>The pacing of requests across processes, in the one row of the <c>pacing</c> table.</summary>
internal sealed class PacingState(SqliteConnection connection) : IPacingStore
{
    public DateTimeOffset? LastRequestAt() => SqliteErrors.Guard(() =>
        UnixMs.To(connection.ExecuteScalar<long?>("SELECT last_request_at FROM pacing WHERE id = 1")));

    public DateTimeOffset? LastRequestForNewProcess(DateTimeOffset now)
    {
        var last = LastRequestAt();
        return InFlight() is null || last is null || last > now ? last : now;
    }

    /// <summary>The store's lock keeps every other process off it: nothing to wait for here.</summary>
    public Task<IAsyncDisposable> HoldTurnAsync(TimeSpan interval, TimeProvider clock, long inFlight, CancellationToken ct) =>
        Task.FromResult<IAsyncDisposable>(NoTurn.Instance);

    public void RecordRequest(DateTimeOffset startedAt, long indicatorId) => SqliteErrors.Guard(() =>
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, in_flight) VALUES (1, $at, $indicatorId)
            ON CONFLICT (id) DO UPDATE SET last_request_at = excluded.last_request_at, in_flight = excluded.in_flight
            """,
            new { at = UnixMs.From(startedAt), indicatorId }));

    public void RecordCounted(DateTimeOffset at) => SqliteErrors.Guard(() =>
        connection.Execute("UPDATE pacing SET last_request_at = max(last_request_at, $at) WHERE id = 1", new { at = RoundedUp(at) }));

    public long? InFlight() => SqliteErrors.Guard(() => connection.ExecuteScalar<long?>("SELECT in_flight FROM pacing WHERE id = 1"));

    public void Settle() => SqliteErrors.Guard(() => connection.Execute("UPDATE pacing SET in_flight = NULL WHERE id = 1"));

    public void Pause(DateTimeOffset until, string reason) => SqliteErrors.Guard(() =>
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, paused_until, pause_reason) VALUES (1, $until, $until, $reason)
            ON CONFLICT (id) DO UPDATE SET paused_until = excluded.paused_until, pause_reason = excluded.pause_reason
            """,
            new { until = RoundedUp(until), reason }));

    public ServerPause? PauseInForce(DateTimeOffset now)
    {
        var row = SqliteErrors.Guard(() =>
            connection.QuerySingleOrDefault<(long? Until, string? Reason)>("SELECT paused_until, pause_reason FROM pacing WHERE id = 1"));
        return UnixMs.To(row.Until) is { } until && until > now ? new ServerPause(until, row.Reason ?? "") : null;
    }

    /// <summary>The store keeps milliseconds; rounding down would let the next process start a fraction early.</summary>
    private static long RoundedUp(DateTimeOffset at) => UnixMs.From(at.AddTicks(TimeSpan.TicksPerMillisecond - 1));

    private sealed class NoTurn : IAsyncDisposable
    {
        public static readonly NoTurn Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
