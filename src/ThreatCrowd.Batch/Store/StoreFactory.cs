using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>Opens the store the settings name: the only place that knows which database serves it.</summary>
internal static class StoreFactory
{
    /// <summary>
    /// Opens the store, creating or migrating its schema; with <paramref name="exclusive"/> it is locked against any
    /// other process first (<see cref="StoreLockedException"/> when another one holds it).
    /// </summary>
    public static IBatchStore Open(StoreSettings settings, bool exclusive)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return SqliteStore.Open(settings.Path, exclusive);
    }
}
