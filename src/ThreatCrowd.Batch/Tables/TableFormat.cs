using System.Globalization;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// How values look in every table, CSV and JSON alike, whatever the machine's culture: timestamps in ISO 8601 UTC to
/// the second (what Splunk's strptime and people both read), booleans as true/false, null as an empty CSV cell and
/// JSON null, and <c>time</c> as Unix epoch seconds, the form Splunk takes for an event's timestamp.
/// </summary>
internal static class TableFormat
{
    /// <summary>ISO 8601 in UTC to the second, such as 2015-10-09T13:05:00Z, for values already in UTC.</summary>
    public const string Timestamp = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public const string True = "true";

    public const string False = "false";

    /// <summary>The longest text <see cref="Timestamp"/> produces (a year past 9999 does not fit a DateTimeOffset).</summary>
    public const int TimestampLength = 20;

    /// <summary><paramref name="value"/> in UTC with fractions of a second dropped, so text and epoch agree.</summary>
    public static DateTimeOffset ToUtcSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.UtcTicks % TimeSpan.TicksPerSecond));
    }

    public static string FormatTimestamp(DateTimeOffset value) =>
        ToUtcSeconds(value).ToString(Timestamp, CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats into <paramref name="destination"/> without allocating; returns the characters written. The same text
    /// as <see cref="Timestamp"/>, digit by digit: a custom format string is parsed again on every call, and the
    /// tables format one or two timestamps per row of millions.
    /// </summary>
    public static int FormatTimestamp(DateTimeOffset value, Span<char> destination)
    {
        if (destination.Length < TimestampLength)
        {
            throw new ArgumentException($"A timestamp needs {TimestampLength} characters.", nameof(destination));
        }

        var utc = value.UtcDateTime;
        Digits(destination[..4], utc.Year);
        destination[4] = '-';
        Digits(destination.Slice(5, 2), utc.Month);
        destination[7] = '-';
        Digits(destination.Slice(8, 2), utc.Day);
        destination[10] = 'T';
        Digits(destination.Slice(11, 2), utc.Hour);
        destination[13] = ':';
        Digits(destination.Slice(14, 2), utc.Minute);
        destination[16] = ':';
        Digits(destination.Slice(17, 2), utc.Second);
        destination[19] = 'Z';
        return TimestampLength;
    }

    private static void Digits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    /// <summary>Unix epoch seconds, the <c>time</c> field of the JSON tables; null when there is no time.</summary>
    public static long? EpochSeconds(DateTimeOffset? value) => value?.ToUnixTimeSeconds();
}
