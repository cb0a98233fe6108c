using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>Classifies e-mail addresses: local@domain, with the domain held to the same rules as a domain.</summary>
internal sealed class EmailRules(DomainNameNormalizer domains)
{
    public const int MaxLocalPartLength = 64;

    /// <summary>Classifies a lower-case value without whitespace that contains an @.</summary>
    public Detection Classify(string value)
    {
        int at = value.IndexOf('@', StringComparison.Ordinal);
        var reason = CheckShape(value, at);
        if (reason is not null)
        {
            return Detection.Broken(reason, IndicatorType.Email);
        }

        var domain = value[(at + 1)..];
        var domainReason = domains.Normalize(domain, asIndicator: true, out var asciiDomain);
        if (domainReason is not null)
        {
            return Detection.Broken($"e-mail domain \"{domain}\": {domainReason}", IndicatorType.Email);
        }

        var canonical = ReferenceEquals(asciiDomain, domain) ? value : string.Concat(value.AsSpan(0, at + 1), asciiDomain);
        return Detection.Found(IndicatorType.Email, canonical);
    }

    private static string? CheckShape(string value, int at)
    {
        if (at != value.LastIndexOf('@'))
        {
            return "e-mail address has more than one @";
        }

        if (at == 0)
        {
            return "e-mail address has nothing before the @";
        }

        if (at == value.Length - 1)
        {
            return "e-mail address has nothing after the @";
        }

        if (at > MaxLocalPartLength)
        {
            return $"e-mail local part (before the @) longer than {MaxLocalPartLength} characters";
        }

        return value.AsSpan(0, at).ContainsAnyExceptInRange('!', '~')
            ? "e-mail local part (before the @) may only hold printable ASCII characters"
            : null;
    }
}
