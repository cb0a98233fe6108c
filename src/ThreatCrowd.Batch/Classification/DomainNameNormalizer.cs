using System.Globalization;
using System.Text;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Converts international domain names (bücher.de) to the punycode form DNS and the API use (xn--bcher-kva.de).
/// </summary>
internal sealed class DomainNameNormalizer
{
    private readonly IdnMapping _idn = new();

    /// <summary>
    /// Returns a rejection reason, or null with <paramref name="ascii"/> set. <paramref name="lowerCaseName"/>
    /// must already be lower-case: the mapping does not fold case.
    /// </summary>
    public string? ToAscii(string lowerCaseName, out string ascii)
    {
        ascii = lowerCaseName;
        if (Ascii.IsValid(lowerCaseName))
        {
            return null;
        }

        try
        {
            ascii = _idn.GetAscii(lowerCaseName);
            return null;
        }
        catch (ArgumentException)
        {
            return "international domain name cannot be converted to punycode";
        }
    }

    /// <summary>Converts and checks a domain name; returns a rejection reason or null with <paramref name="ascii"/> set.</summary>
    public string? Normalize(string lowerCaseName, bool asIndicator, out string ascii) =>
        ToAscii(lowerCaseName, out ascii) ?? DomainNameRules.Check(ascii, asIndicator);
}
