using System.Globalization;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// This process as the shared store names it in claims and runs: host, process id and start time, so that a
/// restarted process with a reused id is still another one.
/// </summary>
internal static class ProcessName
{
    public static string Current { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}");
}
