using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>
/// With the real clock the pacer sets its timer a little early and waits out the rest on the clock; whatever the
/// timer and the machine do, a start is never taken before its due time.
/// </summary>
public sealed class RequestPacerSystemClockTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Starts_on_the_system_clock_are_never_closer_than_the_interval()
    {
        // Longer than the window waited out on the clock, so that both the timer and the clock take part.
        var interval = RequestPacer.PreciseWindow * 4;
        using var pacer = new RequestPacer(interval, TimeProvider.System);

        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < 20; i++)
        {
            starts.Add(await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience));
        }

        starts.Zip(starts.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= interval);
    }

    [Fact]
    public async Task A_start_persisted_just_now_is_waited_out_to_the_full_interval()
    {
        var interval = TimeSpan.FromMilliseconds(2);
        var previous = TimeProvider.System.GetUtcNow();
        using var pacer = new RequestPacer(interval, TimeProvider.System, previous);

        var start = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        (start - previous).ShouldBeGreaterThanOrEqualTo(interval);
    }

    [Fact]
    public async Task Cancelling_a_wait_on_the_system_clock_stops_it()
    {
        var interval = TimeSpan.FromHours(1);
        using var pacer = new RequestPacer(interval, TimeProvider.System, TimeProvider.System.GetUtcNow());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Should.ThrowAsync<OperationCanceledException>(() => pacer.WaitForTurnAsync(cancel.Token).WaitAsync(Patience));
    }
}
