using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// The last word on what may be sent to the ThreatCrowd API: never special-use addresses and names (private,
/// loopback, documentation...), never what the operator listed in Lookup:Exclude (their own domains and networks).
/// Everything is precomputed so a check costs a few integer compares and hash probes.
/// </summary>
internal sealed class LookupGuard
{
    public const string ExcludeSetting = "Lookup:Exclude";

    private readonly IpRangeSet _ranges;
    private readonly DomainRuleSet _domains;

    /// <exception cref="ArgumentException">An entry is unusable; <see cref="Validate"/> says which and why.</exception>
    public LookupGuard(IEnumerable<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var normalizer = new DomainNameNormalizer();
        var rules = new List<ExcludeRule>();
        var problems = new List<string>();
        foreach (var entry in exclude)
        {
            var problem = ExcludeRule.TryParse(entry, normalizer, out var rule);
            if (problem is not null)
            {
                problems.Add(Describe(entry, problem));
            }
            else
            {
                rules.Add(rule!);
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(exclude));
        }

        _ranges = new IpRangeSet([.. BuiltInRanges(), .. UserRanges(rules)]);
        _domains = new DomainRuleSet([.. BuiltInDomains(), .. UserDomains(rules)]);
    }

    /// <summary>One message per unusable entry, naming it; empty when all are usable.</summary>
    public static IReadOnlyList<string> Validate(IEnumerable<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var normalizer = new DomainNameNormalizer();
        return
        [
            .. exclude
                .Select(entry => (entry, problem: ExcludeRule.TryParse(entry, normalizer, out _)))
                .Where(checkedEntry => checkedEntry.problem is not null)
                .Select(checkedEntry => Describe(checkedEntry.entry, checkedEntry.problem!)),
        ];
    }

    /// <summary>Null when the indicator may be looked up; otherwise why it must not be.</summary>
    public string? WhyNotAllowed(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Type switch
        {
            IndicatorType.Ip => WhyNotAllowedAddress(indicator.Value),
            IndicatorType.Domain => _domains.Find(indicator.Value),
            IndicatorType.Email => _domains.Find(indicator.Value.AsSpan(indicator.Value.LastIndexOf('@') + 1)),
            IndicatorType.File when EmptyFileHashes.Contains(indicator.Value) => EmptyFileHashes.Reason,
            _ => null,
        };
    }

    private string? WhyNotAllowedAddress(string value)
    {
        // Unparseable should not happen after classification; refusing is the safe answer if it does.
        if (IpAddressBits.TryParse(value, out var address) is not null)
        {
            return "not a valid IP address: never sent to the API";
        }

        if (_ranges.Find(address) is { } reason)
        {
            return reason;
        }

        return EmbeddedIpv4.TryExtract(address, out var ipv4) && _ranges.Find(ipv4) is { } embedded
            ? $"6to4 address of {EmbeddedIpv4.Format(ipv4)}: {embedded}"
            : null;
    }

    private static string Describe(string? entry, string problem) => $"{ExcludeSetting} entry \"{entry?.Trim()}\": {problem}";

    private static string ExcludedBy(ExcludeRule rule) => $"excluded by {ExcludeSetting} entry \"{rule.Entry}\"";

    private static IEnumerable<(IpRange, string)> BuiltInRanges() =>
        SpecialUseAddresses.Ranges.Select(special =>
        {
            IpRange.TryParse(special.Cidr, out var range);
            return (range, $"{special.Kind} ({special.Cidr}): never sent to the API");
        });

    private static IEnumerable<(IpRange, string)> UserRanges(List<ExcludeRule> rules) =>
        rules.Where(rule => rule.Range is not null).Select(rule => (rule.Range!.Value, ExcludedBy(rule)));

    private static IEnumerable<(string, bool, string)> BuiltInDomains() =>
        SpecialUseDomains.Names.Select(special => (special.Name, false, $"{special.Kind}: never sent to the API"));

    private static IEnumerable<(string, bool, string)> UserDomains(List<ExcludeRule> rules) =>
        rules.Where(rule => rule.Domain is not null).Select(rule => (rule.Domain!, rule.SubdomainsOnly, ExcludedBy(rule)));
}
