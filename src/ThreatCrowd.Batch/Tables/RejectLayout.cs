using System.Collections.Immutable;
using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>The columns of rejects.csv: where a value was read (source and line), the value, and why it was refused.</summary>
internal sealed class RejectLayout : ICsvLayout<RejectRow>
{
    private static readonly ImmutableArray<string> Header = ["source", "line", "value", "reason"];

    public ImmutableArray<string> Columns => Header;

    public void WriteCsv(CsvWriter csv, RejectRow row)
    {
        csv.WriteField(row.Source);
        csv.WriteNumber(row.Line);
        csv.WriteField(row.Value);
        csv.WriteField(row.Reason);
    }
}
