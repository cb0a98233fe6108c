using System.Collections.Frozen;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// A source's statement of what a value is: a column name, a "type" cell or a feed's type. <see cref="Name"/> is the
/// lower-case name as recognized, used in rejection reasons so the engineer sees the word the source used.
/// </summary>
internal sealed record TypeHint(string Name, ExpectedKind Kind)
{
    // One shared instance per name: looking a hint up on every row must not allocate.
    private static readonly FrozenDictionary<string, TypeHint> ByName = new (string Name, ExpectedKind Kind)[]
    {
        ("domain", ExpectedKind.Domain), ("hostname", ExpectedKind.Domain), ("fqdn", ExpectedKind.Domain),
        ("url", ExpectedKind.HostOrUrl),
        ("ip", ExpectedKind.Ip), ("ipv4", ExpectedKind.Ip), ("ipv6", ExpectedKind.Ip),
        ("ip_address", ExpectedKind.Ip), ("address", ExpectedKind.Ip),
        ("email", ExpectedKind.Email), ("e-mail", ExpectedKind.Email), ("mail", ExpectedKind.Email),
        ("md5", ExpectedKind.Md5), ("sha1", ExpectedKind.Sha1), ("sha256", ExpectedKind.Sha256),
        ("hash", ExpectedKind.AnyHash), ("file", ExpectedKind.AnyHash),
        ("filehash", ExpectedKind.AnyHash), ("file_hash", ExpectedKind.AnyHash),
        ("antivirus", ExpectedKind.Antivirus), ("av", ExpectedKind.Antivirus),
        ("malware", ExpectedKind.Antivirus), ("family", ExpectedKind.Antivirus),
    }.ToFrozenDictionary(h => h.Name, h => new TypeHint(h.Name, h.Kind), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, TypeHint>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every recognized hint name, lower-case.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The hint named by <paramref name="text"/> (case-insensitive, trimmed), or null to detect the type.</summary>
    public static TypeHint? Find(string? text) =>
        text is not null && BySpan.TryGetValue(text.AsSpan().Trim(), out var hint) ? hint : null;

    public static bool IsKnown(string? text) => Find(text) is not null;

    /// <summary>Whether an indicator detected from the value is what this hint promises.</summary>
    public bool Accepts(Indicator indicator) => Kind switch
    {
        ExpectedKind.Domain => indicator.Type == IndicatorType.Domain,
        ExpectedKind.HostOrUrl => indicator.Type is IndicatorType.Domain or IndicatorType.Ip,
        ExpectedKind.Ip => indicator.Type == IndicatorType.Ip,
        ExpectedKind.Email => indicator.Type == IndicatorType.Email,
        ExpectedKind.AnyHash => indicator.Type == IndicatorType.File,
        ExpectedKind.Md5 => indicator.Type == IndicatorType.File && indicator.Value.Length == HashRules.Md5Length,
        ExpectedKind.Sha1 => indicator.Type == IndicatorType.File && indicator.Value.Length == HashRules.Sha1Length,
        ExpectedKind.Sha256 => indicator.Type == IndicatorType.File && indicator.Value.Length == HashRules.Sha256Length,
        ExpectedKind.Antivirus => indicator.Type == IndicatorType.Antivirus,
        _ => false,
    };

    /// <summary>The indicator type a failed check is about, to tell whether a detection's reason is relevant.</summary>
    public bool Concerns(IndicatorType type) => Kind switch
    {
        ExpectedKind.Domain => type == IndicatorType.Domain,
        ExpectedKind.HostOrUrl => type is IndicatorType.Domain or IndicatorType.Ip,
        ExpectedKind.Ip => type == IndicatorType.Ip,
        ExpectedKind.Email => type == IndicatorType.Email,
        ExpectedKind.Antivirus => type == IndicatorType.Antivirus,
        _ => type == IndicatorType.File,
    };

    /// <summary>What the value should have been, completing "... is not ...".</summary>
    public string Expectation => Kind switch
    {
        ExpectedKind.Domain => "a domain name",
        ExpectedKind.HostOrUrl => "a host name, IP address or URL",
        ExpectedKind.Ip => "an IP address",
        ExpectedKind.Email => "an e-mail address",
        ExpectedKind.Md5 => "32 hex digits",
        ExpectedKind.Sha1 => "40 hex digits",
        ExpectedKind.Sha256 => "64 hex digits",
        ExpectedKind.Antivirus => "an antivirus family name",
        _ => "an MD5, SHA-1 or SHA-256 hash",
    };
}
