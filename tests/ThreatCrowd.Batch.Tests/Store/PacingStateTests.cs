using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class PacingStateTests
{
    [Fact]
    public void The_last_request_time_survives_reopening_the_store_to_the_millisecond()
    {
        using var dir = new TempDirectory();
        var at = new DateTimeOffset(2026, 11, 22, 1, 2, 3, 456, TimeSpan.Zero);
        using (var db = StoreDatabase.Open(dir.File("store.db")))
        {
            new PacingState(db).LastRequestAt().ShouldBeNull();
            new PacingState(db).RecordRequest(at.AddSeconds(-10));
            new PacingState(db).RecordRequest(at);
        }

        using var reopened = StoreDatabase.Open(dir.File("store.db"));
        new PacingState(reopened).LastRequestAt().ShouldBe(at);
    }
}
