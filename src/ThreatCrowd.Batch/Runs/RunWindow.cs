using ThreatCrowd.Batch.Configuration;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// When a run must stop looking up: the first time the clock shows the stop time (Lookup:StopAt, or --until)
/// in the schedule's time zone after the run started. A run started at 01:00 with 06:00 stops at 06:00 that
/// morning; one started at 23:00 stops at 06:00 the next morning.
/// </summary>
internal static class RunWindow
{
    public static DateTimeOffset? Deadline(DateTimeOffset start, string? stopAt, TimeZoneInfo zone) =>
        TimeOfDay.TryParse(stopAt, out var stop) ? Next(start, stop, zone) : null;

    public static DateTimeOffset Next(DateTimeOffset after, TimeOnly stop, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var candidate = DateOnly.FromDateTime(local).ToDateTime(stop);
        if (candidate <= local)
        {
            candidate = candidate.AddDays(1);
        }

        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }
}
