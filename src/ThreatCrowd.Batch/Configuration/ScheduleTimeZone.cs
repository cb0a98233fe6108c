namespace ThreatCrowd.Batch.Configuration;

/// <summary>Finds Schedule:TimeZone; IANA ids (Europe/Berlin) and Windows ids both work on every platform.</summary>
internal static class ScheduleTimeZone
{
    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo Of(BatchOptions options) => TryFind(options.Schedule.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
