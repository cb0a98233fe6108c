using System.Globalization;

namespace ThreatCrowd.Batch.Bench.Report;

/// <summary>
/// One reported figure: what it is, its value as printed, the target it is held to (empty for a figure that only
/// informs), whether it meets it (null when there is no target or no verdict), and the command that produced it.
/// </summary>
internal sealed record Figure(string Suite, string Name, string Value, string Target, bool? Met, string Command)
{
    /// <summary>
    /// A divisor below this, in seconds, makes a ratio say nothing: it is what is left of a small size once start-up
    /// is subtracted (a <c>--quick</c> run), and its noise is as large as itself.
    /// </summary>
    public const double SmallestDivisorSeconds = 0.1;

    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="divisor"/> held to at most <paramref name="target"/>; no value and
    /// no verdict when the divisor is too small to divide by (at or below zero included).
    /// </summary>
    public static Figure Ratio(string suite, string name, double numerator, double divisor, double target, string command)
    {
        var limit = string.Create(CultureInfo.InvariantCulture, $"<= {target:F1}x");
        if (!(divisor >= SmallestDivisorSeconds))
        {
            var why = string.Create(CultureInfo.InvariantCulture, $"n/a (divisor {divisor:F2} s: too small to divide by)");
            return new(suite, name, why, limit, null, command);
        }

        var ratio = numerator / divisor;
        return new(suite, name, ratio.ToString("F2", CultureInfo.InvariantCulture) + "x", limit, ratio <= target, command);
    }
}
