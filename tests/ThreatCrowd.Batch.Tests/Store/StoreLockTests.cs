using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class StoreLockTests
{
    [Fact]
    public void A_second_holder_is_refused_with_the_first_ones_process_id()
    {
        using var dir = new TempDirectory();
        var store = dir.File("store.db");
        using var first = StoreLock.Acquire(store);

        var error = Should.Throw<StoreLockedException>(() => StoreLock.Acquire(store));

        error.Message.ShouldContain("in use by another process");
        error.Message.ShouldContain(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        using var dir = new TempDirectory();
        var store = dir.File("store.db");
        StoreLock.Acquire(store).Dispose();

        using var again = StoreLock.Acquire(store);
        again.ShouldNotBeNull();
    }
}
