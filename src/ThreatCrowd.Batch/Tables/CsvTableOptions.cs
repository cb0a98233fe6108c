using System.Globalization;
using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>The CSV dialect of every table: what Splunk reads as a lookup file without any extra setting.</summary>
internal static class CsvTableOptions
{
    /// <summary>
    /// RFC 4180 quoting (only fields holding a comma, a quote, CR or LF), LF line ends, no byte-order mark (it would
    /// glue itself onto the first column's name), and the same field count on every record. Text that starts like a
    /// spreadsheet formula (<c>= + - @</c>, tab, CR: references and scan labels come from the service, rejects from
    /// the input, both untrusted) gets a leading <c>'</c> so a spreadsheet shows it as text; numbers such as a vote
    /// of -1 are not text and stay as they are. Indicators never start that way (the classifier refuses them), so
    /// the lookup key column is always exact.
    /// </summary>
    public static CsvWriterOptions Create() => new()
    {
        Separator = ',',
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.Escape,
        NewLine = "\n",
        WriteByteOrderMark = false,
        NullValue = string.Empty,
        TrueValue = TableFormat.True,
        FalseValue = TableFormat.False,
        FormatProvider = CultureInfo.InvariantCulture,
        ValidateFieldCount = true,
    };
}
