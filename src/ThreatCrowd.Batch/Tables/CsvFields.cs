using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes the table value types as CSV fields in <see cref="TableFormat"/>, without allocating.</summary>
internal static class CsvFields
{
    public static void WriteTimestamp(this CsvWriter csv, DateTimeOffset? value)
    {
        if (value is { } timestamp)
        {
            Span<char> text = stackalloc char[TableFormat.TimestampLength];
            csv.WriteField((ReadOnlySpan<char>)text[..TableFormat.FormatTimestamp(timestamp, text)]);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }

    /// <summary>An integer in invariant digits, or an empty field for null (unknown, which 0 would misstate).</summary>
    public static void WriteNumber(this CsvWriter csv, long? value) => csv.WriteField(value, default);
}
