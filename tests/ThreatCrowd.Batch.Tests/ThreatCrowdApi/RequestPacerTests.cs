using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

public sealed class RequestPacerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_turn_without_a_previous_start_is_immediate()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock);

        var start = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        start.ShouldBe(clock.GetUtcNow());
        clock.Waits.ShouldBeEmpty();
        pacer.LastStart.ShouldBe(start);
    }

    [Fact]
    public async Task Consecutive_turns_start_exactly_one_interval_apart()
    {
        var clock = new FakeClock { AutoAdvance = true };
        var origin = clock.GetUtcNow();
        using var pacer = new RequestPacer(Interval, clock);

        var starts = new List<DateTimeOffset>();
        for (var i = 0; i < 5; i++)
        {
            starts.Add(await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience));
        }

        starts.ShouldBe([.. Enumerable.Range(0, 5).Select(i => origin + (Interval * i))]);
        clock.Waits.ShouldBe([Interval, Interval, Interval, Interval]);
    }

    [Fact]
    public async Task A_start_persisted_three_seconds_ago_leaves_seven_seconds_to_wait()
    {
        var clock = new FakeClock { AutoAdvance = true };
        var previous = clock.GetUtcNow() - TimeSpan.FromSeconds(3);
        using var pacer = new RequestPacer(Interval, clock, previous);

        var start = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        clock.Waits.ShouldBe([TimeSpan.FromSeconds(7)]);
        start.ShouldBe(previous + Interval);
    }

    [Fact]
    public async Task A_start_persisted_long_ago_does_not_wait()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock, clock.GetUtcNow() - TimeSpan.FromHours(1));

        await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        clock.Waits.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_start_in_the_future_waits_no_longer_than_one_interval()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock, clock.GetUtcNow() + TimeSpan.FromDays(2));

        await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        clock.Waits.ShouldBe([Interval]);
    }

    [Fact]
    public async Task Concurrent_callers_never_start_closer_than_one_interval()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock);

        var turns = Enumerable.Range(0, 8).Select(_ => Task.Run(() => pacer.WaitForTurnAsync(CancellationToken.None)));
        var starts = (await Task.WhenAll(turns).WaitAsync(Patience)).Order().ToList();

        starts.Distinct().Count().ShouldBe(8);
        starts.Zip(starts.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap >= Interval);
        pacer.LastStart.ShouldBe(starts[^1]);
    }
}
