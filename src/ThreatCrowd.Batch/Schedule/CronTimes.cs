using Quartz;

namespace ThreatCrowd.Batch.Schedule;

/// <summary>Fire times of a cron expression in its time zone, next and previous (Quartz only computes forward).</summary>
internal sealed class CronTimes
{
    // Looking back from an hour to a year keeps the search short for every-second and once-a-year expressions alike.
    private static readonly TimeSpan[] LookBack =
        [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(8), TimeSpan.FromDays(32), TimeSpan.FromDays(367)];

    private readonly CronExpression _cron;

    public CronTimes(string expression, TimeZoneInfo zone) => _cron = new CronExpression(expression, zone);

    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextValidTimeAfter(after);

    /// <summary>The latest fire time at or before <paramref name="now"/>, within a year; null if none.</summary>
    public DateTimeOffset? Previous(DateTimeOffset now)
    {
        foreach (var span in LookBack)
        {
            DateTimeOffset? found = null;
            for (var t = _cron.GetNextValidTimeAfter(now - span); t is { } fire && fire <= now; t = _cron.GetNextValidTimeAfter(fire))
            {
                found = fire;
            }

            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
