namespace ThreatCrowd.Batch.Classification;

/// <summary>Names the whitespace inside a value, which no indicator other than an antivirus name may hold.</summary>
internal static class WhitespaceRule
{
    /// <summary>A reason naming the first whitespace character, or null when there is none.</summary>
    public static string? Find(ReadOnlySpan<char> value, bool allowPlainSpaces)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) || (allowPlainSpaces && c == ' '))
            {
                continue;
            }

            return c switch
            {
                '\t' => "contains a tab",
                '\r' or '\n' => "contains a line break",
                ' ' => "contains a space",
                _ => $"contains a space character ({MessageText.CodePoint(c)})",
            };
        }

        return null;
    }
}
