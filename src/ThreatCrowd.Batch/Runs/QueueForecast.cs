using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// How long what is due will take: the lookups at the configured interval and, with a run window, how many
/// scheduled runs that is ("3,412 due: about 9 h 29 min of lookups, 2 nights with a 01:00-06:00 window").
/// </summary>
internal static class QueueForecast
{
    public static string Describe(long due, BatchOptions options, DateTimeOffset now)
    {
        var c = CultureInfo.InvariantCulture;
        var interval = options.ThreatCrowd.RequestInterval;
        var work = interval * due;
        var text = string.Create(c, $"{due:N0} due: about {Durations.Humanize(work)} of lookups at one request every {Durations.Humanize(interval)}");
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
