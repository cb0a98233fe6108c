using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

public sealed class RequestPacerPauseTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_next_turn_is_measured_from_when_the_server_counted_the_request_not_from_the_turn()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock);
        var first = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);
        clock.Advance(TimeSpan.FromMilliseconds(200)); // the request's cold path and its answer

        pacer.MeasureFrom(first + TimeSpan.FromMilliseconds(150));
        pacer.MeasureFrom(first + TimeSpan.FromMilliseconds(100));
        var second = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        (second - first).ShouldBe(Interval + TimeSpan.FromMilliseconds(150), "a later count never moves back");
    }

    [Fact]
    public async Task A_pause_holds_back_the_next_turn_past_the_interval()
    {
        var clock = new FakeClock { AutoAdvance = true };
        using var pacer = new RequestPacer(Interval, clock);
        var first = await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience);

        pacer.PauseUntil(first + TimeSpan.FromSeconds(45));
        pacer.PauseUntil(first + TimeSpan.FromSeconds(20));

        pacer.NextTurn(first).ShouldBe(first + TimeSpan.FromSeconds(45));
        (await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience)).ShouldBe(first + TimeSpan.FromSeconds(45));
        (await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience)).ShouldBe(first + TimeSpan.FromSeconds(55));
    }

    [Fact]
    public async Task A_pause_stored_by_an_earlier_process_holds_back_the_first_turn()
    {
        var clock = new FakeClock { AutoAdvance = true };
        var now = clock.GetUtcNow();
        using var pacer = new RequestPacer(Interval, clock, lastStart: null, pausedUntil: now + TimeSpan.FromMinutes(2));

        (await pacer.WaitForTurnAsync(CancellationToken.None).WaitAsync(Patience)).ShouldBe(now + TimeSpan.FromMinutes(2));
    }
}
