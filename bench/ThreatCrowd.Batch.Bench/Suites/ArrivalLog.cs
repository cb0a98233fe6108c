using System.Globalization;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The stand-in's arrival log (<c>StandInOptions.ArrivalLogPath</c>): one line per API or vote request as the
/// server saw it, <c>unix-ms path [429]</c>. These are the times a server-side rate limiter counts.
/// </summary>
internal sealed record ArrivalLog(IReadOnlyList<DateTimeOffset> Arrivals, int TurnedAway)
{
    public static ArrivalLog Read(string path)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path) : [];
        var arrivals = lines.Select(line => line.Split(' ')).Select(f =>
            DateTimeOffset.UnixEpoch.AddTicks((long)(double.Parse(f[0], CultureInfo.InvariantCulture) * TimeSpan.TicksPerMillisecond))).ToList();
        return new ArrivalLog(arrivals, lines.Count(line => line.EndsWith(" 429", StringComparison.Ordinal)));
    }
}
