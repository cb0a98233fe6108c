using System.Collections.Frozen;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Domains that are never looked up, each with its reason. A name matches when it, or any parent of it, is listed;
/// wildcard entries match only strictly below themselves. Lookup walks the name's labels: a handful of hash
/// probes however many entries there are.
/// </summary>
internal sealed class DomainRuleSet
{
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _withSubdomains;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _subdomainsOnly;

    /// <param name="rules">Earlier rules win when two list the same name.</param>
    public DomainRuleSet(IEnumerable<(string Name, bool SubdomainsOnly, string Reason)> rules)
    {
        var covering = new Dictionary<string, string>(StringComparer.Ordinal);
        var below = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, onlyBelow, reason) in rules)
        {
            (onlyBelow ? below : covering).TryAdd(name.ToLowerInvariant(), reason);
        }

        _withSubdomains = covering.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _subdomainsOnly = below.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The reason the name is excluded, or null.</summary>
    public string? Find(ReadOnlySpan<char> name)
    {
        name = name.TrimEnd('.');

        // Keys are lower-case, so the common lower-case name is probed with the cheaper ordinal comparer.
        if (name.ContainsAnyInRange('A', 'Z'))
        {
            name = name.ToString().ToLowerInvariant();
        }

        if (_withSubdomains.TryGetValue(name, out var reason))
        {
            return reason;
        }

        for (int dot = name.IndexOf('.'); dot >= 0; dot = name.IndexOf('.'))
        {
            name = name[(dot + 1)..];
            if (_withSubdomains.TryGetValue(name, out reason) || _subdomainsOnly.TryGetValue(name, out reason))
            {
                return reason;
            }
        }

        return null;
    }
}
