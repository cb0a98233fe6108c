namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// A hand-written <see cref="TimeProvider"/> for tests. Time moves only when told: <see cref="Advance"/> moves it
/// and fires the timers that fall due. With <see cref="AutoAdvance"/>, every timer that is set moves the clock to
/// its due time at once and fires, so code that waits (a pacer, a back-off) runs through instantly while the
/// clock records exactly how long it would have waited.
/// </summary>
internal sealed class FakeClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeClock(DateTimeOffset start) => _now = start;

    public FakeClock()
        : this(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero))
    {
    }

    public bool AutoAdvance { get; init; }

    /// <summary>Told the new time whenever the clock moves, before any timer due then fires (a database's clock may follow it).</summary>
    public Action<DateTimeOffset>? Moved { get; set; }

    /// <summary>Every wait a timer was set for, in order: what the code under test asked to sleep.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        // Fire due timers one at a time in due order, with the clock standing at each one's due time.
        while (true)
        {
            FakeTimer? next;
            DateTimeOffset moved;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                }
                else
                {
                    _now = next.DueAt > _now ? next.DueAt : _now;
                    next.Reschedule(_now);
                    if (next.DueAt == DateTimeOffset.MaxValue)
                    {
                        _timers.Remove(next);
                    }
                }

                moved = _now;
            }

            Moved?.Invoke(moved);
            if (next is null)
            {
                return;
            }

            next.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(FakeTimer timer, TimeSpan dueTime)
    {
        DateTimeOffset moved;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            Waits.Add(dueTime);
            if (AutoAdvance)
            {
                _now += dueTime;
                moved = _now;
                timer.DueAt = DateTimeOffset.MaxValue;
            }
            else
            {
                timer.DueAt = _now + dueTime;
                _timers.Add(timer);
                return;
            }
        }

        Moved?.Invoke(moved);

        // Fired off the caller's stack: the code that set the timer may not have finished storing it yet.
        ThreadPool.QueueUserWorkItem(_ => timer.Fire());
    }

    private void Unschedule(FakeTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        private bool _disposed;

        public DateTimeOffset DueAt { get; set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            _period = period;
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Reschedule(DateTimeOffset now) =>
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? DateTimeOffset.MaxValue : now + _period;

        public void Fire()
        {
            if (!_disposed)
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            _disposed = true;
            clock.Unschedule(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
