using System.Globalization;

namespace ThreatCrowd.Batch.Runs;

/// <summary>Durations as an operator reads them, rounded to the last unit shown: "9 h 29 min", "4 min 10 s", "40 s".</summary>
internal static class Durations
{
    public static string Humanize(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
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
