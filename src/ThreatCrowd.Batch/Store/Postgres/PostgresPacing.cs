using Dapper;
using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The pacing of every host on the PostgreSQL store: each request's turn is taken at the shared pace
/// (<see cref="PostgresPace"/>), which records the turn and the request in flight itself, by the database's clock,
/// and settles it when the turn is given back. A request left in flight by a host that died is the pace's concern
/// (the next turn waits a full interval from the moment it was found) and its indicator the queue's (its claim runs
/// out and it is asked again), so no process here marks another's request as cut off.
/// </summary>
internal sealed class PostgresPacing(NpgsqlDataSource dataSource) : IPacingStore
{
    private readonly PostgresPace _pace = new(dataSource);
    private SharedTurn? _held;
    private TimeProvider _clock = TimeProvider.System;

    public async Task<IAsyncDisposable> HoldTurnAsync(TimeSpan interval, TimeProvider clock, long inFlight, CancellationToken ct)
    {
        _clock = clock;
        var turn = await _pace.TakeTurnAsync(interval, clock, inFlight, ct).ConfigureAwait(false);
        _held = turn;
        return new HeldTurn(this, turn);
    }

    /// <summary>The last request of any host, by the database's clock.</summary>
    public DateTimeOffset? LastRequestAt()
    {
        using var connection = dataSource.OpenConnection();
        return UnixMs.To(connection.ExecuteScalar<long?>("SELECT last_request_at FROM pacing WHERE id = 1"));
    }

    /// <summary>Nothing: every turn waits at the shared pace, measured there from the last request of any host.</summary>
    public DateTimeOffset? LastRequestForNewProcess(DateTimeOffset now) => null;

    /// <summary>Already recorded, by the database's clock, when the turn was taken.</summary>
    public void RecordRequest(DateTimeOffset startedAt, long indicatorId)
    {
    }

    public void RecordCounted(DateTimeOffset at) => _held?.Counted(_clock.GetUtcNow() - at);

    /// <summary>None for this process to settle: see the class remarks.</summary>
    public long? InFlight() => null;

    /// <summary>Settled when the turn is given back.</summary>
    public void Settle()
    {
    }

    /// <summary>Kept on this host's clock, as the server's pause was measured; every host waits it out before its next turn.</summary>
    public void Pause(DateTimeOffset until, string reason)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            """
            INSERT INTO pacing (id, last_request_at, paused_until, pause_reason) VALUES (1, 0, @until, @reason)
            ON CONFLICT (id) DO UPDATE SET paused_until = greatest(pacing.paused_until, excluded.paused_until), pause_reason = excluded.pause_reason
            """,
            new { until = UnixMs.From(until.AddTicks(TimeSpan.TicksPerMillisecond - 1)), reason });
    }

    public ServerPause? PauseInForce(DateTimeOffset now)
    {
        using var connection = dataSource.OpenConnection();
        var row = connection.QuerySingleOrDefault<(long? Until, string? Reason)>("SELECT paused_until, pause_reason FROM pacing WHERE id = 1");
        return UnixMs.To(row.Until) is { } until && until > now ? new ServerPause(until, row.Reason ?? "") : null;
    }

    private sealed class HeldTurn(PostgresPacing pacing, SharedTurn turn) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (ReferenceEquals(pacing._held, turn))
            {
                pacing._held = null;
            }

            await turn.DisposeAsync().ConfigureAwait(false);
        }
    }
}
