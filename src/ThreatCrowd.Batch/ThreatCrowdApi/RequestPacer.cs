namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Keeps request starts at least one interval apart, including across runs: the start persisted by the previous
/// run counts, so a run started right after another waits out the rest of the interval. After each request the
/// caller moves the last start to when the server had surely counted it (<see cref="MeasureFrom"/>), and a pause the
/// server asked for holds back every turn (<see cref="PauseUntil"/>).
/// </summary>
/// <remarks>
/// The allowance is used to the last request: a timer fires up to a few milliseconds late (coarse timer ticks, a
/// thread to wake), which over a queue of thousands of requests is a percent or more of the allowance lost. So with
/// the system clock the timer is set for a little before the due time and the rest is waited out by checking the
/// clock, yielding the core meanwhile; the start is never taken before the due time. A fake clock only moves when
/// told, so with one the wait is left to its timers alone.
/// </remarks>
internal sealed class RequestPacer : IDisposable
{
    /// <summary>How long before the due time the timer is set to fire; the rest is waited out on the clock.</summary>
    public static readonly TimeSpan PreciseWindow = TimeSpan.FromMilliseconds(3);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _state = new();
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private readonly bool _precise;
    private DateTimeOffset? _lastStart;
    private DateTimeOffset? _pausedUntil;

    public RequestPacer(TimeSpan interval, TimeProvider clock, DateTimeOffset? lastStart = null, DateTimeOffset? pausedUntil = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(clock);
        _interval = interval;
        _clock = clock;
        _precise = ReferenceEquals(clock, TimeProvider.System);
        _lastStart = lastStart;
        _pausedUntil = pausedUntil;
    }

    public DateTimeOffset? LastStart
    {
        get
        {
            lock (_state)
            {
                return _lastStart;
            }
        }
    }

    /// <summary>
    /// The request that took the last turn was counted by the server no later than <paramref name="at"/>, which is
    /// later than its turn: the next turn is measured from there, because the server counts arrivals, not turns.
    /// </summary>
    public void MeasureFrom(DateTimeOffset at)
    {
        lock (_state)
        {
            if (_lastStart is not { } last || at > last)
            {
                _lastStart = at;
            }
        }
    }

    /// <summary>The server asked for a pause (Retry-After): no request starts before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_state)
        {
            if (_pausedUntil is not { } paused || until > paused)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>The earliest time the next request may start, seen from <paramref name="now"/>.</summary>
    public DateTimeOffset NextTurn(DateTimeOffset now)
    {
        lock (_state)
        {
            // A start in the future means the clock went back; never wait more than one interval for it.
            var due = _lastStart is { } last ? Min(last + _interval, now + _interval) : now;
            return _pausedUntil is { } paused && paused > due ? paused : due;
        }
    }

    /// <summary>Waits until a request may start, then records and returns that start.</summary>
    public async Task<DateTimeOffset> WaitForTurnAsync(CancellationToken ct)
    {
        // One caller at a time: the next one measures from the start this one records.
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            var due = NextTurn(now);
            while (now < due)
            {
                // Looped because a timer may fire a moment early; the recorded start must not.
                var left = due - now;
                if (!_precise)
                {
                    await Task.Delay(left, _clock, ct).ConfigureAwait(false);
                }
                else if (left > PreciseWindow)
                {
                    await Task.Delay(left - PreciseWindow, _clock, ct).ConfigureAwait(false);
                }
                else
                {
                    ct.ThrowIfCancellationRequested();
                    Thread.Yield();
                }

                now = _clock.GetUtcNow();
            }

            lock (_state)
            {
                _lastStart = now;
            }

            return now;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
