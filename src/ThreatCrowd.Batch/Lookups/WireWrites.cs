namespace ThreatCrowd.Batch.Lookups;

/// <summary>
/// When bytes last went out on any of the client's connections. A request's turn is taken before its cold path
/// (connection set-up, TLS, the first call's JIT, a store commit), so it reaches the server later than its turn
/// by a varying amount; the server counts arrivals. The next turn is therefore measured from the moment the
/// request was actually written, which is as close to its arrival as the client can see.
/// </summary>
internal sealed class WireWrites(TimeProvider clock)
{
    private long _lastWriteTicks;

    /// <summary>Called by the connection stream when a write has completed.</summary>
    public void Wrote() => Interlocked.Exchange(ref _lastWriteTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>The last write at or after <paramref name="since"/>, or null when nothing was written since then.</summary>
    public DateTimeOffset? LastWriteSince(DateTimeOffset since)
    {
        var ticks = Interlocked.Read(ref _lastWriteTicks);
        return ticks >= since.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }
}
