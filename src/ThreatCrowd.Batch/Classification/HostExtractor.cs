using System.Buffers;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Reduces a URL (http://user@evil.com:8080/login?x=1, or evil.com/login without a scheme) to its host, the part
/// ThreatCrowd knows about. Also takes off a port or the brackets of a bare [IPv6] address. Values that are not
/// URLs come back unchanged.
/// </summary>
internal static class HostExtractor
{
    private static readonly SearchValues<char> PathStarts = SearchValues.Create("/?#");
    private static readonly SearchValues<char> HostMarks = SearchValues.Create(".:[");
    private static readonly SearchValues<char> AddressCharacters = SearchValues.Create("0123456789abcdefABCDEF:.");
    private static readonly SearchValues<char> SchemeCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    /// <summary>Returns a rejection reason, or null with <paramref name="host"/> set.</summary>
    public static string? Reduce(string value, out string host)
    {
        host = value;
        var span = value.AsSpan();
        int authorityStart = SchemeLength(span);
        var rest = span[authorityStart..];
        int pathStart = rest.IndexOfAny(PathStarts);

        if (authorityStart == 0)
        {
            if (pathStart < 0)
            {
                host = ReduceBare(value);
                return null;
            }

            // Without a scheme, only something host-like before the slash makes a URL: user@evil.com/x and
            // a/b@evil.com are (broken or odd) e-mail addresses, which the e-mail rules explain better.
            var candidate = rest[..pathStart];
            if (candidate.Contains('@') || !candidate.ContainsAny(HostMarks))
            {
                return null;
            }

            if (IsCidrRange(rest, pathStart))
            {
                return $"a CIDR range ({value}), not a single address; list the addresses to look up";
            }
        }

        var authority = pathStart < 0 ? rest : rest[..pathStart];
        int userInfoEnd = authority.LastIndexOf('@');
        var hostSpan = StripPort(authority[(userInfoEnd + 1)..]);
        if (hostSpan.IsEmpty)
        {
            return "URL has no host name";
        }

        host = hostSpan.Length == value.Length ? value : hostSpan.ToString();
        return null;
    }

    // The length of "scheme://" or "//", or 0 when the value does not start with one.
    private static int SchemeLength(ReadOnlySpan<char> s)
    {
        if (s.StartsWith("//", StringComparison.Ordinal))
        {
            return 2;
        }

        int separator = s.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 && char.IsAsciiLetter(s[0]) && !s[..separator].ContainsAnyExcept(SchemeCharacters)
            ? separator + 3
            : 0;
    }

    private static ReadOnlySpan<char> StripPort(ReadOnlySpan<char> authority)
    {
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            return close > 0 ? authority[1..close] : authority;
        }

        // One colon is host:port; more are an IPv6 address, which a URL would have put in brackets.
        int colon = authority.IndexOf(':');
        return colon >= 0 && colon == authority.LastIndexOf(':') ? authority[..colon] : authority;
    }

    private static string ReduceBare(string value)
    {
        var span = value.AsSpan();
        if (span.StartsWith('[') && span.IndexOf(']') > 1)
        {
            return StripPort(span).ToString();
        }

        int colon = span.IndexOf(':');
        bool isHostAndPort = colon > 0 && colon == span.LastIndexOf(':') && IsPort(span[(colon + 1)..]);
        return isHostAndPort ? value[..colon] : value;
    }

    private static bool IsPort(ReadOnlySpan<char> s) => s.Length is >= 1 and <= 5 && !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsCidrRange(ReadOnlySpan<char> rest, int pathStart)
    {
        var suffix = rest[(pathStart + 1)..];
        return rest[pathStart] == '/'
            && suffix.Length is >= 1 and <= 3
            && !suffix.ContainsAnyExceptInRange('0', '9')
            && !rest[..pathStart].ContainsAnyExcept(AddressCharacters)
            && rest[..pathStart].ContainsAny('.', ':');
    }
}
