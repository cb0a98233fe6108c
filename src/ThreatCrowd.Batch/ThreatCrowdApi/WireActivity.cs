namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// When the client last wrote to the wire, and when an answer to that write began to come back. A server-side rate
/// limiter counts a request when it takes it in, some time after it was written (the client's cold path, the
/// network, the server's own queue) and before it begins to answer. So the next turn is measured from the first
/// byte of the answer: the only moment the client sees that is never earlier than the server's count, whatever
/// either side's delays. The cost is one trip back from the server per request.
/// </summary>
internal sealed class WireActivity(TimeProvider clock)
{
    private long _lastWriteTicks;
    private long _answerStartTicks;

    /// <summary>Called by the connection stream when a write has completed: what comes back next is its answer.</summary>
    public void Wrote()
    {
        Interlocked.Exchange(ref _lastWriteTicks, clock.GetUtcNow().UtcTicks);
        Interlocked.Exchange(ref _answerStartTicks, 0);
    }

    /// <summary>Called by the connection stream when a read returned bytes.</summary>
    public void Received()
    {
        Interlocked.CompareExchange(ref _answerStartTicks, clock.GetUtcNow().UtcTicks, 0);
    }

    /// <summary>When the answer to the last write began to arrive, if that write was at or after <paramref name="since"/>.</summary>
    public DateTimeOffset? AnswerStartedSince(DateTimeOffset since)
    {
        var answer = Interlocked.Read(ref _answerStartTicks);
        return answer != 0 && WroteSince(since) ? new DateTimeOffset(answer, TimeSpan.Zero) : null;
    }

    /// <summary>Whether anything was written at or after <paramref name="since"/>.</summary>
    public bool WroteSince(DateTimeOffset since) => Interlocked.Read(ref _lastWriteTicks) >= since.UtcTicks;
}
