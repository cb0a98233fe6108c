using ThreatCrowd.Batch.Store.JobStore;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The clustered schedule's database work behind the store's door: its tables created when missing, and a cluster-wide
/// lock under which the schedule can count what the job store is firing. The schedule names no database type.
/// </summary>
internal static class ClusterJobStore
{
    /// <summary>Creates Quartz's tables when missing; true when they were created.</summary>
    public static Task<bool> EnsureTablesAsync(string connectionString, CancellationToken ct) =>
        QuartzTables.EnsureAsync(connectionString, ct);

    /// <summary>Runs <paramref name="body"/> while holding the cluster's lock of that name.</summary>
    public static Task<T> UnderLockAsync<T>(string connectionString, string lockName, Func<ClusterFirings, CancellationToken, Task<T>> body, CancellationToken ct) =>
        ClusterLock.HoldAsync(
            connectionString,
            lockName,
            (connection, token) => body(QuartzTables.Firings(connection), token),
            ct);
}

/// <summary>How many firings of a job the cluster's job store holds (running or being recovered), read under its lock.</summary>
internal sealed class ClusterFirings(Func<string, string, string, CancellationToken, Task<long>> count)
{
    public Task<long> CountAsync(string scheduler, string jobName, string jobGroup, CancellationToken ct) => count(scheduler, jobName, jobGroup, ct);
}
