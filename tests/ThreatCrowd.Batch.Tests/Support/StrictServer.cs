using System.Globalization;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// A stand-in in strict mode (429 with Retry-After to any request arriving sooner than the interval after the
/// previous one), its arrivals logged to a file, and that file read back: the spacing as the server saw it.
/// </summary>
internal static class StrictServer
{
    public static Task<StandInServer> StartAsync(TimeSpan interval, string arrivalLog) =>
        StandInServer.StartAsync(
            new StandInOptions(Fixtures.Directory) { StrictInterval = interval, ArrivalLogPath = arrivalLog }, CancellationToken.None);

    /// <summary>Each arrival: when (Unix ms), what path, and whether it was turned away.</summary>
    public static IReadOnlyList<(double AtMs, string Path, bool TurnedAway)> Arrivals(string arrivalLog) =>
        File.ReadAllLines(arrivalLog).Select(line => line.Split(' '))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), f[1], f.Length > 2 && f[2] == "429")).ToList();

    /// <summary>The smallest gap between two arrivals, in milliseconds.</summary>
    public static double SmallestGapMs(string arrivalLog)
    {
        var at = Arrivals(arrivalLog).Select(a => a.AtMs).ToList();
        return at.Zip(at.Skip(1), (a, b) => b - a).DefaultIfEmpty(double.MaxValue).Min();
    }
}
