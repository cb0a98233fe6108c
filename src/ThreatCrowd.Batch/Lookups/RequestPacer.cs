namespace ThreatCrowd.Batch.Lookups;

/// <summary>
/// Keeps request starts at least one interval apart, including across runs: the start persisted by the previous
/// run counts, so a run started right after another waits out the rest of the interval.
/// </summary>
internal sealed class RequestPacer : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _state = new();
    private readonly TimeSpan _interval;
    private readonly TimeProvider _clock;
    private DateTimeOffset? _lastStart;

    public RequestPacer(TimeSpan interval, TimeProvider clock, DateTimeOffset? lastStart = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(clock);
        _interval = interval;
        _clock = clock;
        _lastStart = lastStart;
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

    /// <summary>Waits until a request may start, then records and returns that start.</summary>
    public async Task<DateTimeOffset> WaitForTurnAsync(CancellationToken ct)
    {
        // One caller at a time: the next one measures from the start this one records.
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var now = _clock.GetUtcNow();
            if (LastStart is { } last)
            {
                // A start in the future means the clock went back; never wait more than one interval for it.
                var due = Min(last + _interval, now + _interval);
                while (now < due)
                {
                    // Looped because a timer may fire a moment early; the recorded start must not.
                    await Task.Delay(due - now, _clock, ct).ConfigureAwait(false);
                    now = _clock.GetUtcNow();
                }
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
