using System.Globalization;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Reads the HH:mm times of day used by Lookup:StopAt and --until.</summary>
internal static class TimeOfDay
{
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
