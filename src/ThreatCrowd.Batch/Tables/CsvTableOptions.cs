using System.Globalization;
using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>The CSV dialect of every table: what Splunk reads as a lookup file without any extra setting.</summary>
internal static class CsvTableOptions
{
    /// <summary>
    /// RFC 4180 quoting (only fields holding a comma, a quote, CR or LF), values as they are (no formula escaping:
    /// a lookup is matched by value, so a changed value would no longer match), LF line ends, no byte-order mark
    /// (it would glue itself onto the first column's name), and the same field count on every record.
    /// </summary>
    public static CsvWriterOptions Create() => new()
    {
        Separator = ',',
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
        NewLine = "\n",
        WriteByteOrderMark = false,
        NullValue = string.Empty,
        TrueValue = TableFormat.True,
        FalseValue = TableFormat.False,
        FormatProvider = CultureInfo.InvariantCulture,
        ValidateFieldCount = true,
    };
}
