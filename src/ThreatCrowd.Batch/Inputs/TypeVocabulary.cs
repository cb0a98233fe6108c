using System.Collections.Frozen;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The type names of a type column, in each source's vocabulary: MISP (ip-dst, email-src, domain|ip,
/// filename|md5...), AlienVault OTX (IPv4, FileHash-SHA256...), ThreatFox (ip:port, md5_hash...), and this
/// program's own (domain, ip, md5, antivirus...). Types that are not lookups (MISP link, text, yara; OTX
/// FileHash-IMPHASH, CVE...) are skipped. A name none of them knows is left to detection, as before.
/// </summary>
internal static class TypeVocabulary
{
    private static readonly FrozenDictionary<string, TypeReading> Readings = Build();

    private static readonly FrozenDictionary<string, TypeReading>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Readings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The reading of a type cell (trimmed, any case), or null when the name is not known.</summary>
    public static TypeReading? Find(ReadOnlySpan<char> typeCell) => BySpan.TryGetValue(typeCell.Trim(), out var reading) ? reading : null;

    private static FrozenDictionary<string, TypeReading> Build()
    {
        var readings = new Dictionary<string, TypeReading>(StringComparer.OrdinalIgnoreCase);
        void Lookup(string hint, params string[] names)
        {
            foreach (var name in names)
            {
                readings[name] = TypeReading.Plain(hint);
            }
        }

        void NotLookups(params string[] names)
        {
            foreach (var name in names)
            {
                readings[name] = TypeReading.Skip(name.ToLowerInvariant());
            }
        }

        // This program's own names, which also name the hint itself.
        foreach (var name in Classification.TypeHint.Names)
        {
            readings[name] = TypeReading.Plain(name);
        }

        Lookup("domain", "hostname", "host", "fqdn", "domain-name", "domain_name");
        Lookup("url", "url");
        Lookup("ip", "ip-src", "ip-dst", "ip:port", "ipv4", "ipv6", "ipv4-addr", "ipv6-addr", "ip_address", "ip-address");
        Lookup("email", "email-src", "email-dst", "email-reply-to", "whois-registrant-email", "email-addr", "e-mail");
        Lookup("md5", "md5_hash", "filehash-md5");
        Lookup("sha1", "sha1_hash", "filehash-sha1");
        Lookup("sha256", "sha256_hash", "filehash-sha256");
        Lookup("hash", "filehash", "file_hash");

        readings["domain|ip"] = TypeReading.Parts("domain", "ip");
        readings["hostname|port"] = TypeReading.Parts("domain", null);
        readings["ip-dst|port"] = TypeReading.Parts("ip", null);
        readings["ip-src|port"] = TypeReading.Parts("ip", null);
        readings["filename|md5"] = TypeReading.Parts(null, "md5");
        readings["filename|sha1"] = TypeReading.Parts(null, "sha1");
        readings["filename|sha256"] = TypeReading.Parts(null, "sha256");
        readings["malware-sample"] = TypeReading.Parts(null, "md5");

        NotLookups(
            "link", "filename", "text", "comment", "other", "yara", "sigma", "snort", "pattern-in-file", "pattern-in-memory",
            "pattern-in-traffic", "vulnerability", "cve", "threat-actor", "campaign-name", "campaign-id", "regkey",
            "regkey|value", "mutex", "named pipe", "windows-service-name", "windows-scheduled-task", "user-agent",
            "http-method", "port", "as", "asn", "attachment", "mime-type", "size-in-bytes", "pdb", "sha224", "sha384",
            "sha512", "sha512/224", "sha512/256", "ssdeep", "imphash", "pehash", "tlsh", "authentihash", "impfuzzy",
            "filename|sha512", "filename|ssdeep", "filename|imphash", "filename|pehash", "filename|authentihash",
            "x509-fingerprint-sha1", "x509-fingerprint-md5", "x509-fingerprint-sha256", "ja3-fingerprint-md5",
            "jarm-fingerprint", "hassh-md5", "email-subject", "email-attachment", "email-body", "email-header",
            "email-message-id", "email-x-mailer", "email-display-name", "whois-registrant-name", "whois-registrar",
            "whois-registrant-phone", "whois-creation-date", "target-org", "target-user", "target-machine",
            "target-location", "target-email", "btc", "xmr", "iban", "phone-number", "github-username", "cookie",
            "uri", "uri-dst", "process-state", "datetime", "counter", "hex", "float", "boolean", "cpe", "stix2-pattern",
            "FileHash-IMPHASH", "FileHash-PEHASH", "FileHash-SHA512", "FileHash-SSDEEP", "CIDR", "Mutex", "YARA",
            "JA3", "SSLCertFingerprint", "BitcoinAddress", "FilePath", "MutexName", "Osquery", "Suricata", "IDS");
        return readings.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
