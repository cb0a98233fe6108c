using System.Buffers;

namespace ThreatCrowd.Batch.Classification;

/// <summary>The syntax of a lower-case ASCII domain name (after punycode conversion).</summary>
internal static class DomainNameRules
{
    public const int MaxLength = 253;
    public const int MaxLabelLength = 63;
    public const string TooFewLabels = "domain name needs at least two labels, like example.com";

    private static readonly SearchValues<char> LabelCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>
    /// Returns a rejection reason, or null when the name is valid. <paramref name="asIndicator"/> adds what an
    /// indicator needs beyond syntax: two labels and a real top-level domain. Exclusion entries can do without.
    /// </summary>
    public static string? Check(ReadOnlySpan<char> name, bool asIndicator)
    {
        if (name.Length > MaxLength)
        {
            return $"domain name longer than {MaxLength} characters";
        }

        int labels = 0;
        var last = ReadOnlySpan<char>.Empty;
        foreach (var range in name.Split('.'))
        {
            last = name[range];
            labels++;
            var reason = CheckLabel(last);
            if (reason is not null)
            {
                return reason;
            }
        }

        if (!asIndicator)
        {
            return null;
        }

        return labels < 2 ? TooFewLabels : CheckTopLevel(last);
    }

    private static string? CheckLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty)
        {
            return "domain name has an empty label (a leading dot or two dots in a row)";
        }

        int bad = label.IndexOfAnyExcept(LabelCharacters);
        if (bad >= 0)
        {
            return $"character \"{label[bad]}\" is not allowed in a domain name";
        }

        if (label[0] == '-' || label[^1] == '-')
        {
            return $"domain label \"{label}\" starts or ends with a hyphen";
        }

        return label.Length > MaxLabelLength ? $"domain label longer than {MaxLabelLength} characters" : null;
    }

    // "1.2.3.999" is a typo and "report.doc" a file name: only a top-level domain that exists makes a domain name.
    private static string? CheckTopLevel(ReadOnlySpan<char> tld)
    {
        if (TopLevelDomains.Contains(tld))
        {
            return null;
        }

        return tld.StartsWith("xn--", StringComparison.Ordinal) || !tld.ContainsAnyExceptInRange('a', 'z')
            ? $"top-level domain \"{tld}\" does not exist (not in the Public Suffix List)"
            : $"top-level domain \"{tld}\" is not alphabetic";
    }
}
