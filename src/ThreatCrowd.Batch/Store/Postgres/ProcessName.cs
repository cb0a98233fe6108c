using System.Diagnostics;
using System.Globalization;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// This process as the shared store names it in claims and runs: host, process id and start time, so that a
/// restarted process with a reused id is still another one.
/// </summary>
internal static class ProcessName
{
    private const long ClockSlackMs = 2_000;

    public static string Current { get; } = Of(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow);

    /// <summary>The start of every name given on this host: <c>host:</c>.</summary>
    public static string ThisHostPrefix { get; } = Environment.MachineName + ":";

    public static string Of(string host, int processId, DateTimeOffset named) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}:{processId}:{named.ToUnixTimeMilliseconds()}");

    /// <summary>
    /// Whether <paramref name="name"/> is a process of this host that no longer runs: no process has its id, or the
    /// one that has it started after the name was given (the id was reused). A name of another host is never gone
    /// from here, whatever it says: only its lease ends its claims.
    /// </summary>
    public static bool IsGoneFromThisHost(string name)
    {
        var rest = name.StartsWith(ThisHostPrefix, StringComparison.Ordinal) ? name[ThisHostPrefix.Length..].Split(':') : [];
        if (rest.Length != 2 ||
            !int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId) ||
            !long.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out var namedAtMs))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);

            // A start read back from the system can be off by a clock step: two seconds of slack err on the side of
            // "still running", which only leaves the claim to its lease.
            var startedMs = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
            return process.HasExited || startedMs > namedAtMs + ClockSlackMs;
        }
        catch (ArgumentException)
        {
            return true; // no process has that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being looked at
        }
    }
}
