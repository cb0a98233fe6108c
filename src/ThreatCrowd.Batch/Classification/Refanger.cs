using System.Buffers;
using System.Collections.Immutable;

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
        if (value.AsSpan().ContainsAny(BracketOpeners))
        {
            foreach (var (defanged, plain) in Brackets)
            {
                value = value.Replace(defanged, plain, StringComparison.OrdinalIgnoreCase);
            }
        }

        return RefangScheme(value);
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
