namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// One parsed Lookup:Exclude entry: an address range, or a domain that covers itself and its subdomains (or, for a
/// *.wildcard, only the subdomains).
/// </summary>
internal sealed record ExcludeRule(string Entry, IpRange? Range, string? Domain, bool SubdomainsOnly)
{
    /// <summary>Returns why the entry is unusable, or null with <paramref name="rule"/> set.</summary>
    public static string? TryParse(string? entry, DomainNameNormalizer domains, out ExcludeRule? rule)
    {
        rule = null;
        var text = entry?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "empty entry; remove it";
        }

        var lower = text.ToLowerInvariant();
        if (lower.Contains('/', StringComparison.Ordinal) || lower.Contains(':', StringComparison.Ordinal) || Ipv4Address.LooksLikeOne(lower))
        {
            var rangeReason = IpRange.TryParse(lower, out var range);
            rule = rangeReason is null ? new ExcludeRule(text, range, null, false) : null;
            return rangeReason;
        }

        bool subdomainsOnly = lower.StartsWith("*.", StringComparison.Ordinal);
        var name = (subdomainsOnly ? lower[2..] : lower).TrimEnd('.');
        var reason = domains.Normalize(name, asIndicator: false, out var ascii);
        if (reason is not null)
        {
            return $"{reason} (an entry is a domain, a *.wildcard domain, an IP address or a CIDR range)";
        }

        rule = new ExcludeRule(text, null, ascii, subdomainsOnly);
        return null;
    }
}
