using System.Collections.Frozen;
using System.Text;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The column names of the lists users have, matched without case: generic names (indicator, ioc, ioc_value,
/// value, observable), names of a type (domain, dst_ip, sha256_hash, sender...), Splunk CIM and abuse.ch names.
/// An exact name is looked up first; otherwise the words of the name decide (dynamic_dns_domains is a domain
/// column, url_status is a status, urlhaus_link a reference), describing words first so that a date, link or port
/// column is never read for indicators.
/// </summary>
internal static class KnownColumns
{
    public const string Type = "type";

    private static readonly ColumnRole NotIndicators = ColumnRole.Ignored("not an indicator column");

    private static readonly FrozenDictionary<string, ColumnRole> ByName = new Dictionary<string, ColumnRole>
    {
        ["indicator"] = ColumnRole.Generic, ["indicators"] = ColumnRole.Generic, ["ioc"] = ColumnRole.Generic,
        ["iocs"] = ColumnRole.Generic, ["ioc_value"] = ColumnRole.Generic, ["value"] = ColumnRole.Generic,
        ["observable"] = ColumnRole.Generic, ["observable_value"] = ColumnRole.Generic, ["indicator_value"] = ColumnRole.Generic,
        ["type"] = new(ColumnKind.Type), ["ioc_type"] = new(ColumnKind.Type), ["indicator_type"] = new(ColumnKind.Type),
        ["observable_type"] = new(ColumnKind.Type), ["attribute_type"] = new(ColumnKind.Type),
        ["to_ids"] = new(ColumnKind.ToIds),

        // Splunk CIM: src and dest hold an address or a host name, detected per value.
        ["src"] = ColumnRole.Generic, ["dest"] = ColumnRole.Generic, ["dst"] = ColumnRole.Generic,
        ["domain_name"] = Typed("domain"), ["query"] = Typed("domain"), ["dns_query"] = Typed("domain"),
        ["antivirus"] = Typed("antivirus"), ["av"] = Typed("antivirus"),

        // abuse.ch SSLBL and its Splunk copy: the SHA-1 there is a certificate's (see CsvLayoutBuilder).
        ["listingdate"] = ColumnRole.Ignored("a date or time"),
        ["listingreason"] = Context(""),
        ["firstseen"] = ColumnRole.Ignored("a date or time"), ["lastseen"] = ColumnRole.Ignored("a date or time"),
        ["dateadded"] = ColumnRole.Ignored("a date or time"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Words that make a column describe an indicator rather than name one; checked before any type word.
    private static readonly FrozenDictionary<string, ColumnRole> Describing = Words(
        (ColumnRole.Ignored("a link or reference"), ["link", "links", "reference", "references", "ref", "permalink", "detail", "details"]),
        (ColumnRole.Ignored("a comment or description"), ["comment", "comments", "description", "desc", "note", "notes", "message"]),
        (ColumnRole.Ignored("who reported it"), ["reporter", "submitter", "author", "anonymous", "analyst"]),
        (ColumnRole.Ignored("a date or time"), ["date", "time", "timestamp", "seen", "first", "last", "utc", "epoch", "created", "updated", "modified", "added", "expiration"]),
        (ColumnRole.Ignored("a port"), ["port", "ports"]),
        (ColumnRole.Ignored("an id"), ["id", "uuid", "guid", "fk", "alias", "aliases", "object"]),
        (ColumnRole.Ignored("a status"), ["status", "online", "offline", "verified", "active", "state", "default"]),
        (ColumnRole.Ignored("a name"), ["name", "filename", "subject", "user", "username", "target"]),
        (ColumnRole.Ignored("a number"), ["count", "size", "length", "percent", "vtpercent", "score"]),
        (ColumnRole.Ignored("an import or fuzzy hash, not a file hash ThreatCrowd knows"), ["imphash", "pehash", "ssdeep", "tlsh", "telfhash", "authentihash"]),
        (new ColumnRole(ColumnKind.Skipped, Why: "TLS certificate fingerprint, not a file hash"), ["fingerprint", "ja3", "ja3s", "certificate", "cert", "x509"]));

    private static readonly FrozenDictionary<string, ColumnRole> ContextWords = Words(
        (Context(""), ["malware", "family", "signature", "threat", "category", "reason", "campaign", "actor"]),
        (Context("tags"), ["tags", "tag", "labels", "label"]),
        (Context("confidence"), ["confidence"]));

    private static readonly FrozenDictionary<string, ColumnRole> TypeWords = Words(
        (ColumnRole.Generic, ["indicator", "indicators", "ioc", "iocs", "observable"]),
        (Typed("domain"), ["domain", "domains", "hostname", "hostnames", "host", "fqdn"]),
        (Typed("url"), ["url", "urls", "uri"]),
        (Typed("ip"), ["ip", "ips", "ipv4", "ipv6", "addr", "address"]),
        (Typed("email"), ["email", "emails", "mail", "sender", "recipient"]),
        (Typed("md5"), ["md5"]),
        (Typed("sha1"), ["sha1"]),
        (Typed("sha256"), ["sha256"]),
        (Typed("hash"), ["hash", "hashes", "filehash"]));

    /// <summary>A header cell as it is matched: trimmed (a byte order mark and a leading # too), lower-case, words joined by _.</summary>
    public static string Normalize(string header)
    {
        var text = header.AsSpan().Trim().Trim('\uFEFF').TrimStart('#').Trim();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            bool separator = c is ' ' or '-' or '.' or '_' or '\t';
            if (!separator)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>The role of a column named <paramref name="normalized"/> (see <see cref="Normalize"/>).</summary>
    public static ColumnRole Describe(string normalized)
    {
        if (ByName.TryGetValue(normalized, out var role))
        {
            return role;
        }

        var words = normalized.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return Find(words, Describing) ?? Find(words, ContextWords) ?? Find(words, TypeWords)
            ?? (words.Contains(Type) ? ColumnRole.Ignored("a kind of file or content") : NotIndicators);
    }

    /// <summary>Whether the column holds indicators whose type its name does not give (indicator, ioc, value, src...).</summary>
    public static bool IsGeneric(string normalized) => Describe(normalized) is { Kind: ColumnKind.Value, Hint: null };

    /// <summary>Whether the column holds indicators of the type its name gives (domain, dst_ip, md5_hash...).</summary>
    public static bool IsTyped(string normalized) => Describe(normalized) is { Kind: ColumnKind.Value, Hint: not null };

    /// <summary>Whether a header cell names a column of indicators, of their types, or of values known not to be lookups.</summary>
    public static bool IsKnown(string normalized) => Describe(normalized).Kind is ColumnKind.Value or ColumnKind.Type or ColumnKind.Skipped;

    private static ColumnRole? Find(string[] words, FrozenDictionary<string, ColumnRole> table)
    {
        foreach (var word in words)
        {
            if (table.TryGetValue(word, out var role))
            {
                return role;
            }
        }

        return null;
    }

    private static ColumnRole Typed(string hint) => new(ColumnKind.Value, hint);

    private static ColumnRole Context(string label) => new(ColumnKind.Context, Why: label);

    private static FrozenDictionary<string, ColumnRole> Words(params (ColumnRole Role, string[] Words)[] groups) =>
        groups.SelectMany(group => group.Words.Select(word => (word, group.Role)))
            .ToFrozenDictionary(pair => pair.word, pair => pair.Role, StringComparer.Ordinal);
}
