namespace ThreatCrowd.Batch.Store;

/// <summary>
/// When the last request went out, which request is in flight, and a pause the server asked for, kept so that a
/// process started right after another one waits out the rest of the interval (and the pause) instead of bursting.
/// </summary>
internal interface IPacingStore
{
    /// <summary>What is recorded in flight while a vote is being sent: no indicator has id 0.</summary>
    const long VoteInFlight = 0;

    DateTimeOffset? LastRequestAt();

    /// <summary>
    /// Where a new process measures its first turn from. A request left in flight by a process that died may have
    /// gone out any time before the death, later than its recorded turn: then the turn is measured from now.
    /// </summary>
    DateTimeOffset? LastRequestForNewProcess(DateTimeOffset now);

    /// <summary>
    /// Waits until no other process sharing the store is due a request before this one, and holds that turn until the
    /// returned handle is disposed (once the answer began and was recorded with <see cref="RecordCounted"/>): the pace
    /// of every host together. A store only one process works on at a time returns at once: that process's own
    /// pacer, measured from what is recorded here, is then the whole pace.
    /// </summary>
    /// <param name="inFlight">What is asked (<see cref="VoteInFlight"/> for a vote), marked in flight while the turn is held.</param>
    Task<IAsyncDisposable> HoldTurnAsync(TimeSpan interval, TimeProvider clock, long inFlight, CancellationToken ct);

    /// <summary>Records a request's turn, and the indicator it asks about (<see cref="VoteInFlight"/> for a vote).</summary>
    void RecordRequest(DateTimeOffset startedAt, long indicatorId);

    /// <summary>The server had surely counted the last request by <paramref name="at"/> (later than its turn): the next turn counts from there.</summary>
    void RecordCounted(DateTimeOffset at);

    /// <summary>The indicator a request was started for whose outcome was never stored: the process died asking it.</summary>
    long? InFlight();

    /// <summary>The request in flight is settled (its outcome stored, or deliberately left due).</summary>
    void Settle();

    /// <summary>The server asked for a pause: no request of any kind, in this process or the next, starts before it ends.</summary>
    void Pause(DateTimeOffset until, string reason);

    /// <summary>The pause the server asked for, if it has not ended by <paramref name="now"/>.</summary>
    ServerPause? PauseInForce(DateTimeOffset now);
}
