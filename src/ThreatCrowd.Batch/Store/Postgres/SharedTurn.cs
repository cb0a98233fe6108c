using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// One request's turn at the shared pace, the pace lock held. <see cref="Counted"/> records when the server surely
/// counted the request (its answer began), which is where the next turn of any host is measured from; disposing
/// settles the request and releases the lock.
/// </summary>
internal sealed class SharedTurn : IAsyncDisposable
{
    private const string CountedSql =
        """
        UPDATE pacing SET in_flight = NULL,
                          last_request_at = greatest(last_request_at, (extract(epoch FROM clock_timestamp()) * 1000)::bigint - @ago)
        WHERE id = 1
        """;

    private readonly NpgsqlConnection _connection;

    internal SharedTurn(NpgsqlConnection connection, DateTimeOffset startedAt)
    {
        _connection = connection;
        StartedAt = startedAt;
    }

    /// <summary>When the turn was taken, by this process's clock.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The server counted the request <paramref name="ago"/> before now (zero: just now).</summary>
    public Task CountedAsync(TimeSpan ago, CancellationToken ct) =>
        _connection.ExecuteAsync(CountedSql, null, ct, ("ago", AgoMs(ago)));

    /// <summary>As <see cref="CountedAsync"/>, for the request loop's synchronous record of the moment.</summary>
    public void Counted(TimeSpan ago) => _connection.Execute(CountedSql, null, ("ago", AgoMs(ago)));

    /// <summary>Settles the request (its turn stands as recorded) and lets the next host take its turn.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.ExecuteAsync("UPDATE pacing SET in_flight = NULL WHERE id = 1", null, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await PostgresPace.ReleaseAsync(_connection).ConfigureAwait(false);
        }
    }

    private static long AgoMs(TimeSpan ago) => (long)Math.Floor(Math.Max(0, ago.TotalMilliseconds));
}
