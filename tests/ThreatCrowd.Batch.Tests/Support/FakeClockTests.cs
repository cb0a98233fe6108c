using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Support;

public sealed class FakeClockTests
{
    [Fact]
    public async Task A_delay_completes_only_when_the_clock_is_advanced_past_it()
    {
        var clock = new FakeClock();
        var delay = Task.Delay(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9));
        delay.IsCompleted.ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_auto_advancing_clock_moves_by_exactly_the_waited_time()
    {
        var clock = new FakeClock { AutoAdvance = true };
        var start = clock.GetUtcNow();

        await Task.Delay(TimeSpan.FromSeconds(10), clock).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromMilliseconds(1500), clock).WaitAsync(TimeSpan.FromSeconds(5));

        (clock.GetUtcNow() - start).ShouldBe(TimeSpan.FromMilliseconds(11500));
        clock.Waits.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(1500)]);
    }
}
