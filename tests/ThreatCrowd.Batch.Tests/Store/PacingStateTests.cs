using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class PacingStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 1, 2, 3, 456, TimeSpan.Zero);

    [Fact]
    public void The_last_request_time_survives_reopening_the_store_to_the_millisecond()
    {
        using var dir = new TempDirectory();
        using (var db = StoreDatabase.Open(dir.File("store.db")))
        {
            new PacingState(db).LastRequestAt().ShouldBeNull();
            new PacingState(db).RecordRequest(At.AddSeconds(-10), 7);
            new PacingState(db).RecordRequest(At, IPacingStore.VoteInFlight);
        }

        using var reopened = StoreDatabase.Open(dir.File("store.db"));
        new PacingState(reopened).LastRequestAt().ShouldBe(At);
    }

    [Fact]
    public void The_time_a_request_went_out_is_kept_rounded_up_and_never_moves_back()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var pacing = new PacingState(db);
        pacing.RecordRequest(At, 7);

        pacing.RecordCounted(At.AddTicks(1234));
        pacing.LastRequestAt().ShouldBe(At.AddMilliseconds(1), "a time rounded down would let the next process start early");
        pacing.RecordCounted(At);
        pacing.LastRequestAt().ShouldBe(At.AddMilliseconds(1));
    }

    [Fact]
    public void A_new_process_measures_from_now_when_the_last_request_was_left_in_flight()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var pacing = new PacingState(db);
        var now = At.AddMilliseconds(300);

        pacing.RecordRequest(At, IPacingStore.VoteInFlight);
        pacing.LastRequestForNewProcess(now).ShouldBe(now, "the request may have gone out any time before its process died");

        pacing.Settle();
        pacing.LastRequestForNewProcess(now).ShouldBe(At);
    }

    [Fact]
    public void A_pause_is_in_force_until_it_ends_and_keeps_its_reason()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var pacing = new PacingState(db);
        pacing.PauseInForce(At).ShouldBeNull();

        pacing.Pause(At.AddSeconds(30), "HTTP 429, Retry-After 30 s");

        pacing.PauseInForce(At).ShouldBe(new ServerPause(At.AddSeconds(30), "HTTP 429, Retry-After 30 s"));
        pacing.PauseInForce(At.AddSeconds(30)).ShouldBeNull();
    }
}
