using System.Buffers;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Strict dotted-quad IPv4 parsing. IPAddress.TryParse is not used for IPv4: it accepts "1", "1.2" and "010.1.1.1",
/// which name other addresses than they seem to (0.0.0.1, 1.0.0.2, 8.1.1.1).
/// </summary>
internal static class Ipv4Address
{
    private static readonly SearchValues<char> DigitsAndDots = SearchValues.Create("0123456789.");

    /// <summary>Whether the value is only digits and dots with at least one dot: meant as an IPv4 address.</summary>
    public static bool LooksLikeOne(ReadOnlySpan<char> s) =>
        s.Contains('.') && !s.ContainsAnyExcept(DigitsAndDots);

    /// <summary>Returns a rejection reason, or null with <paramref name="address"/> set (big-endian order).</summary>
    public static string? TryParse(ReadOnlySpan<char> s, out uint address)
    {
        address = 0;
        int parts = s.Count('.') + 1;
        if (parts != 4)
        {
            return $"IPv4 address needs 4 numbers separated by dots, found {parts}";
        }

        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            var reason = CheckOctet(part);
            if (reason is not null)
            {
                return reason;
            }

            address = (address << 8) | uint.Parse(part, provider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static string? CheckOctet(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty)
        {
            return "IPv4 address has an empty part (two dots in a row)";
        }

        if (part.ContainsAnyExceptInRange('0', '9'))
        {
            return $"IPv4 part \"{part}\" is not a number";
        }

        if (part.Length > 1 && part[0] == '0')
        {
            return $"IPv4 octet {part} has a leading zero (ambiguous: it may be read as octal)";
        }

        return part.Length > 3 || (part.Length == 3 && part.CompareTo("255", StringComparison.Ordinal) > 0)
            ? $"IPv4 octet {part} is out of range"
            : null;
    }
}
