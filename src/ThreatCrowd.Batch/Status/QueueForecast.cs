using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Status;

/// <summary>
/// How long what is due will take: the lookups at the configured interval and, with a run window, how many
/// scheduled runs that is ("3,412 indicators, about 9 h 29 min of lookups at one request every 10 s, 2 nights with a
/// 01:00-06:00 window"). Past a day, what a day holds is said too ("about 116 days at 8,640 lookups a day").
/// </summary>
internal static class QueueForecast
{
    public static string Describe(long due, BatchOptions options, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var interval = options.ThreatCrowd.RequestInterval;
        var work = interval * due;
        var pace = work >= TimeSpan.FromDays(1)
            ? string.Create(c, $"at {(long)(TimeSpan.FromDays(1) / interval):N0} lookups a day (one request every {Durations.Humanize(interval)})")
            : $"of lookups at one request every {Durations.Humanize(interval)}";
        var text = $"{Counted.Of(due, "indicator")}, about {Durations.Humanize(work)} {pace}";
        var zone = ScheduleTimeZone.Of(options);
        var cron = new CronTimes(options.Schedule.Cron, zone);
        if (due == 0 || cron.Next(now) is not { } start || RunWindow.Deadline(start, options.Lookup.StopAt, zone) is not { } end)
        {
            return text;
        }

        var window = end - start;
        var runs = (long)Math.Ceiling(work / window);
        var nightly = cron.Next(start) is { } after && after - start == TimeSpan.FromDays(1);
        var unit = nightly ? (runs == 1 ? "night" : "nights") : (runs == 1 ? "run" : "runs");
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        return string.Create(c, $"{text}, {runs:N0} {unit} with a {from:HH:mm}-{to:HH:mm} window");
    }
}
