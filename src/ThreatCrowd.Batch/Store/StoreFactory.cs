using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>Opens the store the settings name: the only place that knows which database serves it.</summary>
internal static class StoreFactory
{
    /// <summary>
    /// Opens the store, creating or migrating its schema. With <paramref name="exclusive"/> a SQLite file is locked
    /// against any other process first (<see cref="StoreLockedException"/> when another one holds it); the shared
    /// store is never locked whole: its processes share it by claims and the pace lock.
    /// </summary>
    public static IBatchStore Open(StoreSettings settings, bool exclusive)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ConnectionString is { } connectionString
            ? PostgresStore.Open(connectionString, settings.ClaimLease)
            : SqliteStore.Open(settings.Path, exclusive);
    }

    /// <summary>Whether there is a store to read: the SQLite file exists (a shared store is created on first use).</summary>
    public static bool Exists(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.IsShared || File.Exists(settings.Path);
    }

    public static string Describe(StoreSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ConnectionString is { } connectionString
            ? "PostgreSQL " + PostgresConnectionString.Describe(connectionString)
            : settings.Path;
    }
}
