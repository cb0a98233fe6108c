using System.Globalization;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// First pass over a raw value, whatever its type: trims it, removes quotes or angle brackets around it, and
/// rejects characters no indicator can hold. Characters a later rule may still explain (spaces) are left in place.
/// </summary>
internal static class RawValueCleaner
{
    /// <summary>Returns a rejection reason, or null with <paramref name="cleaned"/> set.</summary>
    public static string? Clean(string raw, out string cleaned)
    {
        var span = StripEnclosing(TrimEdges(raw.AsSpan()));
        cleaned = span.Length == raw.Length ? raw : span.ToString();
        return span.IsEmpty ? "empty value" : FindForbiddenCharacter(span);
    }

    // Byte order marks and zero-width spaces cling to values copied from documents and exports.
    private static ReadOnlySpan<char> TrimEdges(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || (!IsEdgeJunk(s[0]) && !IsEdgeJunk(s[^1])))
        {
            return s;
        }

        int start = 0, end = s.Length;
        while (start < end && IsEdgeJunk(s[start]))
        {
            start++;
        }

        while (end > start && IsEdgeJunk(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static bool IsEdgeJunk(char c) => char.IsWhiteSpace(c) || c is '\uFEFF' or '\u200B';

    private static ReadOnlySpan<char> StripEnclosing(ReadOnlySpan<char> s)
    {
        while (s.Length >= 2 && IsEnclosingPair(s[0], s[^1]))
        {
            s = TrimEdges(s[1..^1]);
        }

        return s;
    }

    private static bool IsEnclosingPair(char first, char last) =>
        (first, last) is ('"', '"') or ('\'', '\'') or ('`', '`') or ('<', '>');

    private static string? FindForbiddenCharacter(ReadOnlySpan<char> s)
    {
        // Nearly every value is printable ASCII, which a vectorized scan clears at once.
        int first = s.IndexOfAnyExceptInRange(' ', '~');
        if (first < 0)
        {
            return null;
        }

        foreach (var c in s[first..])
        {
            if (c == '\uFFFD')
            {
                return "contains bytes that are not valid UTF-8 (save the file as UTF-8)";
            }

            // Tabs and line breaks are left for the whitespace rule, which names them better.
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                return $"contains a control character ({MessageText.CodePoint(c)})";
            }

            if (c >= '\u0080' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"contains an invisible character ({MessageText.CodePoint(c)})";
            }
        }

        return null;
    }
}
