using System.Globalization;
using System.Text;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// Plausible indicator values, deterministic from (seed, index): domains with and without subdomains, public IPv4
/// addresses, e-mail addresses, MD5/SHA-1/SHA-256 hashes, the occasional URL or defanged value, and the broken
/// values a SIEM export also carries.
/// </summary>
internal static class IndicatorValues
{
    private static readonly string[] TopLevel = ["com", "net", "org", "info", "ru", "cn", "de", "io", "biz", "xyz", "top", "co.uk"];

    // First octets of ordinary public unicast space: none of them is special-use, so every address is accepted.
    private static readonly int[] PublicFirstOctets = [23, 31, 37, 45, 46, 52, 62, 77, 81, 85, 91, 94, 104, 109, 141, 145, 176, 178, 185, 188, 193, 195, 212, 217];

    private static readonly string[] Broken =
    [
        "not an indicator", "999.12.4.1", "exa mple.com", "-bad-.com", "abc..com", "1.2.3", "12345678901234567890abcdef",
        "http://", "user@", "10.1.2.3", "192.168.0.10", "localhost", "test.invalid",
    ];

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Hex = "0123456789abcdef";

    /// <summary>A valid indicator as a SIEM would export it, and the type column's text (empty when not given).</summary>
    public static (string Value, string TypeCell) Valid(long seed, long index)
    {
        var random = new SplitMix(seed, index);
        var pick = random.Below(100);
        var withType = random.Below(5) == 0;
        return pick switch
        {
            < 40 => (Domain(ref random), withType ? "domain" : ""),
            < 64 => (Ip(ref random), withType ? "ip" : ""),
            < 74 => (HexString(ref random, 32), withType ? "md5" : ""),
            < 79 => (HexString(ref random, 40), withType ? "sha1" : ""),
            < 89 => (HexString(ref random, 64), withType ? "sha256" : ""),
            < 96 => (Email(ref random), withType ? "email" : ""),
            < 98 => ("https://" + Domain(ref random) + "/login.php?id=" + random.Below(100000).ToString(CultureInfo.InvariantCulture), ""),
            _ => (Domain(ref random).Replace(".", "[.]", StringComparison.Ordinal), ""),
        };
    }

    /// <summary>A value that is rejected (unrecognizable, malformed or never to be looked up).</summary>
    public static string Invalid(long seed, long index)
    {
        var random = new SplitMix(seed ^ 0x5555, index);
        var broken = Broken[random.Below(Broken.Length)];
        return random.Below(2) == 0 ? broken : broken + random.Below(1000).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A normalized indicator of the given type, as the store keeps it.</summary>
    public static string Normalized(IndicatorType type, long seed, long index)
    {
        var random = new SplitMix(seed ^ 0x7777, index);
        return type switch
        {
            IndicatorType.Domain => Domain(ref random),
            IndicatorType.Ip => Ip(ref random),
            IndicatorType.Email => Email(ref random),
            IndicatorType.File => HexString(ref random, random.Below(2) == 0 ? 32 : 64),
            _ => "Family." + Word(ref random, 5, 9),
        };
    }

    public static string Domain(ref SplitMix random)
    {
        var builder = new StringBuilder(32);
        if (random.Below(3) == 0)
        {
            builder.Append(Word(ref random, 2, 6)).Append('.');
        }

        builder.Append(Word(ref random, 5, 12));
        if (random.Below(4) == 0)
        {
            builder.Append('-').Append(Word(ref random, 3, 7));
        }

        return builder.Append('.').Append(TopLevel[random.Below(TopLevel.Length)]).ToString();
    }

    public static string Ip(ref SplitMix random) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{PublicFirstOctets[random.Below(PublicFirstOctets.Length)]}.{random.Below(256)}.{random.Below(256)}.{1 + random.Below(254)}");

    public static string Email(ref SplitMix random) =>
        string.Create(CultureInfo.InvariantCulture, $"{Word(ref random, 4, 10)}{random.Below(10000)}@{Domain(ref random)}");

    public static string HexString(ref SplitMix random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Hex[random.Below(16)];
        }

        return new string(chars);
    }

    public static string Word(ref SplitMix random, int minLength, int maxLength)
    {
        var length = minLength + random.Below(maxLength - minLength + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Letters[random.Below(Letters.Length)];
        }

        return new string(chars);
    }
}
