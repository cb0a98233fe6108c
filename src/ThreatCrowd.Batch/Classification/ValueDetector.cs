using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Works out what a cleaned value is without being told: refangs it, reduces a URL to its host, then tries the
/// shapes in an order where each test is unambiguous (an @ means e-mail, a colon IPv6, digits and dots IPv4,
/// hex of hash length a hash, anything else a domain).
/// </summary>
internal sealed class ValueDetector
{
    private readonly DomainNameNormalizer _domains = new();
    private readonly EmailRules _emails;

    public ValueDetector() => _emails = new EmailRules(_domains);

    public Detection Detect(string cleaned)
    {
        var value = StripMailto(Refanger.Refang(cleaned));
        var hostReason = HostExtractor.Reduce(value, out value);

        // A wildcard entry (*.duckdns.org, as block lists and Splunk lookups write them) names its domain.
        if (value.StartsWith("*.", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        var reason = hostReason ?? WhitespaceRule.Find(value, allowPlainSpaces: false);
        if (reason is not null)
        {
            return Detection.Broken(reason, attempted: null);
        }

        // A trailing dot is the DNS root (google.com.); the API knows the name without it.
        value = value.TrimEnd('.').ToLowerInvariant();
        if (value.Length == 0)
        {
            return Detection.Broken("empty value", attempted: null);
        }

        return DetectShape(value);
    }

    private Detection DetectShape(string value)
    {
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return _emails.Classify(value);
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            return IpRules.ClassifyIpv6(value);
        }

        if (Ipv4Address.LooksLikeOne(value))
        {
            return IpRules.ClassifyIpv4(value);
        }

        if (HashRules.IsHex(value) && HashRules.Classify(value) is { } hash)
        {
            return hash;
        }

        return DetectDomain(value);
    }

    private Detection DetectDomain(string value)
    {
        var reason = _domains.Normalize(value, asIndicator: true, out var ascii);
        if (reason is null)
        {
            return Detection.Found(IndicatorType.Domain, ascii);
        }

        // A lone word is more likely something else (an antivirus name) than a broken domain.
        return value.Contains('.', StringComparison.Ordinal)
            ? Detection.Broken(reason, IndicatorType.Domain)
            : Detection.Unlikely(reason, IndicatorType.Domain);
    }

    private static string StripMailto(string value) =>
        value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? value[7..] : value;
}
