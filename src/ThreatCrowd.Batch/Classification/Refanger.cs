using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Undoes the usual ways reports "defang" indicators so nobody clicks them: evil[.]com, user[at]evil.com,
/// hxxp://evil.com. Without this such values would be rejected or, worse, looked up in their defanged form.
/// </summary>
internal static class Refanger
{
    private static readonly SearchValues<char> BracketOpeners = SearchValues.Create("[({");

    private static readonly ImmutableArray<(string Defanged, string Plain)> Brackets =
    [
        ("[.]", "."), ("(.)", "."), ("{.}", "."), ("[dot]", "."), ("(dot)", "."), ("{dot}", "."),
        ("[@]", "@"), ("(@)", "@"), ("{@}", "@"), ("[at]", "@"), ("(at)", "@"), ("{at}", "@"),
        ("[://]", "://"), ("[:]", ":"),
    ];

    public static string Refang(string value)
    {
        // Almost every value is not defanged: answer those without allocating.
        int next = value.AsSpan().IndexOfAny(BracketOpeners);
        return RefangScheme(next < 0 ? value : ReplaceBrackets(value, next));
    }

    private static string ReplaceBrackets(string value, int next)
    {
        var builder = new StringBuilder(value.Length);
        var rest = value.AsSpan();
        while (next >= 0)
        {
            builder.Append(rest[..next]);
            rest = rest[next..];
            var match = Match(rest);
            builder.Append(match.Defanged is null ? rest[..1] : match.Plain);
            rest = rest[(match.Defanged?.Length ?? 1)..];
            next = rest.IndexOfAny(BracketOpeners);
        }

        return builder.Append(rest).ToString();
    }

    private static (string? Defanged, string Plain) Match(ReadOnlySpan<char> text)
    {
        foreach (var pair in Brackets)
        {
            if (text.StartsWith(pair.Defanged, StringComparison.OrdinalIgnoreCase))
            {
                return pair;
            }
        }

        return (null, "");
    }

    private static string RefangScheme(string value)
    {
        if (StartsWithScheme(value, "hxxp"))
        {
            return string.Concat("http", value.AsSpan(4));
        }

        return StartsWithScheme(value, "fxp") ? string.Concat("ftp", value.AsSpan(3)) : value;
    }

    private static bool StartsWithScheme(string value, string defangedScheme)
    {
        if (!value.StartsWith(defangedScheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = value.AsSpan(defangedScheme.Length);
        return rest.StartsWith("://", StringComparison.Ordinal) || rest.StartsWith("s://", StringComparison.OrdinalIgnoreCase);
    }
}
