using System.Globalization;

namespace ThreatCrowd.Batch.Runs;

/// <summary>Durations as an operator reads them: "9 h 29 min", "4 min 10 s", "40 s".</summary>
internal static class Durations
{
    public static string Humanize(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        var c = CultureInfo.InvariantCulture;
        if (span.TotalHours >= 1)
        {
            return string.Create(c, $"{(int)span.TotalHours} h {span.Minutes} min");
        }

        if (span.TotalMinutes >= 1)
        {
            return string.Create(c, $"{span.Minutes} min {span.Seconds} s");
        }

        return span.TotalSeconds >= 1 ? string.Create(c, $"{(int)span.TotalSeconds} s") : string.Create(c, $"{(int)span.TotalMilliseconds} ms");
    }
}
