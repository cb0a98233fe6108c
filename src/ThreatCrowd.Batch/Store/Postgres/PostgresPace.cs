using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The one pace of every host on the PostgreSQL store: a request's turn is taken under the store's pace lock (a
/// session advisory lock), measured from the last request the server counted, and the lock is held until this
/// request's answer begins and that moment is recorded; only then may another host take its turn. So however many
/// hosts ask, at the server no two requests arrive closer than the interval.
/// </summary>
/// <remarks>
/// Times are the database's clock (<c>clock_timestamp()</c>): the hosts' clocks need not agree. Only durations cross
/// to this process (how long to wait, how long ago the answer began), and those are measured on the injected clock.
/// The turn is committed before the request goes out, with the request marked in flight: a host that dies mid-request
/// drops its connection and with it the lock, and the next host, finding the mark, measures from the moment it got
/// the lock (the dead host's request may have arrived any time until then).
/// </remarks>
internal sealed class PostgresPace(NpgsqlDataSource dataSource)
{
    /// <summary>The advisory lock key of the pace (any number no other lock of the store uses).</summary>
    public const long PaceLock = 0x7463_6200_0002;

    /// <summary>What <c>in_flight</c> holds while a vote is being sent: no indicator has id 0.</summary>
    public const long VoteInFlight = 0;

    private const string DbNowMs = "(extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    /// <summary>
    /// Waits for the lock and then for the interval since the last counted request (and any pause in force), records
    /// the turn and returns it, lock held. Dispose the turn once its answer began (or it failed) to let the next one go.
    /// </summary>
    public async Task<SharedTurn> TakeTurnAsync(TimeSpan interval, TimeProvider clock, long inFlight, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync("SELECT pg_advisory_lock(@key)", null, ct, ("key", PaceLock)).ConfigureAwait(false);
            var (wait, pausedUntil) = await WaitNeededAsync(connection, interval, ct).ConfigureAwait(false);
            var due = clock.GetUtcNow() + wait;
            if (pausedUntil > due)
            {
                due = pausedUntil.Value;
            }

            for (var now = clock.GetUtcNow(); now < due; now = clock.GetUtcNow())
            {
                // Looped because a timer may fire a moment early; the turn must not.
                await Task.Delay(due - now, clock, ct).ConfigureAwait(false);
            }

            await connection.ExecuteAsync(
                $"""
                INSERT INTO pacing (id, last_request_at, in_flight) VALUES (1, {DbNowMs}, @inFlight)
                ON CONFLICT (id) DO UPDATE SET last_request_at = excluded.last_request_at, in_flight = excluded.in_flight
                """,
                null,
                ct,
                ("inFlight", inFlight)).ConfigureAwait(false);
            return new SharedTurn(connection, clock.GetUtcNow());
        }
        catch
        {
            await ReleaseAsync(connection).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Gives the lock back before the connection returns to the pool: a pooled connection keeps its session, and
    /// with it the lock, until it is next used.
    /// </summary>
    internal static async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock_all()", null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection is not pooled: closing it ends the session and the lock with it.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long from now until the next request may start by the database's clock, and the end of a pause the
    /// server asked for (kept on the clock of the host it answered, as <see cref="PostgresPacing.Pause"/> stores it).
    /// </summary>
    private static async Task<(TimeSpan Wait, DateTimeOffset? PausedUntil)> WaitNeededAsync(NpgsqlConnection connection, TimeSpan interval, CancellationToken ct)
    {
        await using var command = NpgsqlCommands.Command(
            connection,
            $"SELECT last_request_at, in_flight IS NOT NULL, paused_until, {DbNowMs} FROM pacing WHERE id = 1",
            null);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return (TimeSpan.Zero, null);
        }

        var last = reader.GetInt64(0);
        var deadHolder = reader.GetBoolean(1);
        var pausedUntil = reader.IsDBNull(2) ? (DateTimeOffset?)null : UnixMs.To(reader.GetInt64(2));
        var now = reader.GetInt64(3);

        // A request left in flight went out before its host died, at latest now; a last request in the future
        // means the clock went back: never wait more than one interval for it.
        var from = deadHolder ? now : Math.Min(last, now);
        var intervalMs = (long)Math.Ceiling(interval.TotalMilliseconds);
        var waitMs = from + intervalMs - now;
        return (waitMs > 0 ? TimeSpan.FromMilliseconds(waitMs) : TimeSpan.Zero, pausedUntil);
    }
}
