using System.Globalization;

namespace ThreatCrowd.Batch.Reporting;

/// <summary>
/// Durations as an operator reads them, rounded to the last unit shown: "116 days", "3 days 5 h", "9 h 29 min",
/// "4 min 10 s", "40 s". Past a day, hours and minutes are noise; past ten days, so are the hours.
/// </summary>
internal static class Durations
{
    public static string Humanize(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        var hours = (long)Math.Round(span.TotalHours, MidpointRounding.AwayFromZero);
        if (hours >= 24 * 10)
        {
            return string.Create(c, $"{(long)Math.Round(span.TotalDays, MidpointRounding.AwayFromZero):N0} days");
        }

        if (hours >= 24)
        {
            return string.Create(c, $"{hours / 24} {(hours / 24 == 1 ? "day" : "days")} {hours % 24} h");
        }

        var minutes = (long)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
        if (minutes >= 60)
        {
            return string.Create(c, $"{minutes / 60} h {minutes % 60} min");
        }

        var seconds = (long)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero);
        if (seconds >= 60)
        {
            return string.Create(c, $"{seconds / 60} min {seconds % 60} s");
        }

        return seconds >= 1 || span == TimeSpan.Zero ? string.Create(c, $"{seconds} s") : string.Create(c, $"{(long)span.TotalMilliseconds} ms");
    }
}
