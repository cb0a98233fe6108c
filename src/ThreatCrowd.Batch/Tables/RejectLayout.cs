using System.Collections.Immutable;
using CsvHelper;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>The columns of rejects.csv: where a value was read (source and line), the value, and why it was refused.</summary>
internal sealed class RejectLayout : ICsvLayout<RejectRow>
{
    private static readonly ImmutableArray<string> Header = ["source", "line", "value", "reason"];

    public ImmutableArray<string> Columns => Header;

    public void WriteCsv(CsvWriter csv, RejectRow row)
    {
        // Rejected values are the input's worst: control bytes (NUL, ESC…) are written as visible escapes, so the
        // file shows what was there and carries nothing on to a terminal or a spreadsheet.
        csv.WriteField(PrintableText.Escape(row.Source));
        csv.WriteNumber(row.Line);
        csv.WriteField(PrintableText.Escape(row.Value));
        csv.WriteField(PrintableText.Escape(row.Reason));
    }
}
