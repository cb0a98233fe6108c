using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>A cancelled caller leaves the pacer as it found it.</summary>
public sealed class RequestPacerCancellationTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Cancelling_a_wait_stops_it_without_recording_a_start()
    {
        var clock = new FakeClock();
        var previous = clock.GetUtcNow();
        using var pacer = new RequestPacer(Interval, clock, previous);
        using var cancel = new CancellationTokenSource();

        var turn = pacer.WaitForTurnAsync(cancel.Token);
        clock.Advance(TimeSpan.FromSeconds(4));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => turn.WaitAsync(Patience));
        pacer.LastStart.ShouldBe(previous);
    }

    [Fact]
    public async Task A_caller_cancelled_while_queued_behind_another_gives_up_its_place()
    {
        var clock = new FakeClock();
        using var pacer = new RequestPacer(Interval, clock, clock.GetUtcNow());
        using var cancel = new CancellationTokenSource();

        var first = pacer.WaitForTurnAsync(CancellationToken.None);
        var second = pacer.WaitForTurnAsync(cancel.Token);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => second.WaitAsync(Patience));

        clock.Advance(Interval);
        var start = await first.WaitAsync(Patience);
        pacer.LastStart.ShouldBe(start);
    }
}
