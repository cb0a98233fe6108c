using System.Globalization;
using System.Net;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Turns the raw strings of an answer into stored values. The live data carried trailing carriage returns,
/// upper-case domains and placeholders (<c>-</c>, <c>0.0.0.0</c>, <c>0000-00-00</c>) that stand for "nothing".
/// </summary>
internal static class AnswerValueCleaner
{
    /// <summary>The cleaned value, or null when nothing real is left.</summary>
    /// <param name="keepCase">True for free text (references, scan labels) whose case carries meaning.</param>
    public static string? Clean(string? raw, bool keepCase)
    {
        if (raw is null)
        {
            return null;
        }

        // Only the ends are trimmed (the service's values carried trailing carriage returns). A control character
        // inside makes the value refused, never glued together: "new\nline.com" is not "newline.com".
        var text = raw.Trim();
        if (text.Length == 0 || text == "-" || text == "0.0.0.0" || text.Any(char.IsControl))
        {
            return null;
        }

        return keepCase ? text : AsciiLower(text);
    }

    /// <summary>An ISO date (yyyy-MM-dd) as written, or null for placeholders and text that is no date.</summary>
    public static string? Date(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith("0000", StringComparison.Ordinal))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Iso(date);
        }

        // A timestamp keeps the calendar day it was written with; converting to UTC could move it by a day.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp)
            ? Iso(DateOnly.FromDateTime(stamp.DateTime))
            : null;
    }

    /// <summary>
    /// True for a literal IPv4 or IPv6 address. Stricter than <see cref="IPAddress.TryParse(string, out IPAddress)"/>,
    /// which also accepts short forms such as "1" that are host names in an ip report.
    /// </summary>
    public static bool IsIpAddress(string value)
    {
        if (!IPAddress.TryParse(value, out _))
        {
            return false;
        }

        return value.Contains(':', StringComparison.Ordinal)
            || (value.Count(c => c == '.') == 3 && value.All(c => char.IsAsciiDigit(c) || c == '.'));
    }

    // DNS names, hashes and mailbox domains compare case-insensitively in ASCII only; other letters are junk kept as is.
    private static string AsciiLower(string text) =>
        text.Any(char.IsAsciiLetterUpper) ? string.Concat(text.Select(c => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c)) : text;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
