namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Picks the field delimiter of a CSV file from its first line that is neither blank nor a # comment (a feed's
/// banner): whichever of comma, semicolon and tab occurs most often outside quotes (SIEM exports and European Excel
/// use all three). Comma wins ties and empty input. A file of comments alone is judged on its first line.
/// </summary>
internal static class DelimiterSniffer
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <param name="start">The first bytes of the file (UTF-8); a partial first line is judged on what is there.</param>
    public static char Sniff(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith(Utf8Bom))
        {
            start = start[Utf8Bom.Length..];
        }

        int commas = 0, semicolons = 0, tabs = 0;
        bool inQuotes = false;
        var line = SkipBlankLines(start, skipComments: true);
        foreach (var b in line.IsEmpty ? SkipBlankLines(start, skipComments: false) : line)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && b is (byte)'\n' or (byte)'\r')
            {
                break;
            }
            else if (!inQuotes)
            {
                commas += b == (byte)',' ? 1 : 0;
                semicolons += b == (byte)';' ? 1 : 0;
                tabs += b == (byte)'\t' ? 1 : 0;
            }
        }

        if (commas >= semicolons && commas >= tabs)
        {
            return ',';
        }

        return semicolons >= tabs ? ';' : '\t';
    }

    private static ReadOnlySpan<byte> SkipBlankLines(ReadOnlySpan<byte> text, bool skipComments)
    {
        while (skipComments && !text.IsEmpty)
        {
            var rest = SkipBlankLines(text, skipComments: false);
            if (rest.IsEmpty || rest[0] != (byte)'#')
            {
                return rest;
            }

            int end = rest.IndexOfAny((byte)'\n', (byte)'\r');
            text = end < 0 ? [] : rest[(end + 1)..];
        }

        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case (byte)'\n' or (byte)'\r':
                    lineStart = i + 1;
                    break;
                case (byte)' ' or (byte)'\t':
                    break;
                default:
                    return text[lineStart..];
            }
        }

        return [];
    }
}
