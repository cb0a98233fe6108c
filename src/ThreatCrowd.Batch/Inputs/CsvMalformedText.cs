using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Problem texts for rows that break the CSV quoting rules.</summary>
internal static class CsvMalformedText
{
    private const int MaxShownLength = 200;

    public const string RecordTooLarge =
        "row longer than 16 MB, skipped (an unclosed quote, or a file that is not CSV?)";

    public static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote =>
            "stray quote inside an unquoted value; quote the whole value and double any quote inside it",
        CsvMalformedReason.TextAfterClosingQuote =>
            "text after a closing quote; quote the whole value and double any quote inside it",
        CsvMalformedReason.UnterminatedQuote =>
            "a quote opened on this line is never closed; the lines after it were read as rows of their own",
        CsvMalformedReason.LineBreakInQuotes =>
            "quoted value runs over a line break, which is not accepted after an unclosed quote earlier in the file",
        _ => $"malformed CSV row ({reason})",
    };

    /// <summary>The start of the raw row, enough to find it in the file.</summary>
    public static string Excerpt(string rawRecord)
    {
        int lineEnd = rawRecord.AsSpan().IndexOfAny('\r', '\n');
        var firstLine = lineEnd < 0 ? rawRecord.AsSpan() : rawRecord.AsSpan(0, lineEnd);
        return firstLine.Length <= MaxShownLength ? firstLine.ToString() : string.Concat(firstLine[..MaxShownLength], "...");
    }
}
