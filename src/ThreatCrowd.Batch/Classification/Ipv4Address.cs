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

        while (true)
        {
            int dot = s.IndexOf('.');
            var part = dot < 0 ? s : s[..dot];
            var reason = TryParseOctet(part, out uint octet);
            if (reason is not null)
            {
                return reason;
            }

            address = (address << 8) | octet;
            if (dot < 0)
            {
                return null;
            }

            s = s[(dot + 1)..];
        }
    }

    private static string? TryParseOctet(ReadOnlySpan<char> part, out uint octet)
    {
        octet = 0;
        if (part.IsEmpty)
        {
            return "IPv4 address has an empty part (two dots in a row)";
        }

        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return $"IPv4 part \"{part}\" is not a number";
            }

            // Saturates instead of overflowing on absurdly long parts; anything past 255 is out of range anyway.
            octet = Math.Min((octet * 10) + (uint)(c - '0'), 1000);
        }

        if (part.Length > 1 && part[0] == '0')
        {
            return $"IPv4 octet {part} has a leading zero (ambiguous: it may be read as octal)";
        }

        return octet > 255 ? $"IPv4 octet {part} is out of range" : null;
    }
}
