using System.Collections.Frozen;
using System.Globalization;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// The top-level domains that exist, from the ICANN section of the Public Suffix List shipped with the program
/// (public_suffix_list.dat, embedded; see README for how to refresh it). A value whose last label is not one of
/// them is a file name (report.doc, setup.exe) or a typo, not a domain. The special-use names the lookup guard
/// refuses (.local, .test, .internal...) count as known here, so that the guard, not this check, says why.
/// </summary>
internal static class TopLevelDomains
{
    private const string ResourceName = "public_suffix_list.dat";

    private static readonly FrozenSet<string> Known = Load();

    // Looked up by span: checking a name must not allocate.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    public static int Count => Known.Count;

    /// <summary>Whether <paramref name="tld"/> (lower-case ASCII, punycode for international ones) is a top-level domain.</summary>
    public static bool Contains(ReadOnlySpan<char> tld) => BySpan.Contains(tld);

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(TopLevelDomains).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in SpecialUseDomains.Names)
        {
            names.Add(name[(name.LastIndexOf('.') + 1)..]);
        }

        var idn = new IdnMapping();
        bool inIcann = false;
        while (reader.ReadLine() is { } line)
        {
            var text = line.AsSpan().Trim();
            if (text.StartsWith("//", StringComparison.Ordinal))
            {
                inIcann = text.Contains("===BEGIN ICANN DOMAINS===", StringComparison.Ordinal)
                    || (inIcann && !text.Contains("===END ICANN DOMAINS===", StringComparison.Ordinal));
                continue;
            }

            if (!inIcann || text.IsEmpty)
            {
                continue;
            }

            // Every rule's last label is a top-level domain (com.ac, *.ck and !www.ck all name theirs).
            var tld = text[(text.LastIndexOf('.') + 1)..].ToString().ToLowerInvariant();
            names.Add(tld);
            names.Add(idn.GetAscii(tld));
        }

        return names.ToFrozenSet(StringComparer.Ordinal);
    }
}
