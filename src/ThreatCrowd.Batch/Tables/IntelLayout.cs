using System.Collections.Immutable;
using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The columns of an Enterprise Security threat-intel file: <c>description</c>, the value's column, any further
/// columns ES requires but ThreatCrowd cannot fill (file_name, subject: left empty), and <c>weight</c>.
/// </summary>
internal sealed class IntelLayout(ImmutableArray<string> columns) : ICsvLayout<IntelRow>
{
    public ImmutableArray<string> Columns => columns;

    public void WriteCsv(CsvWriter csv, IntelRow row)
    {
        csv.WriteField(row.Description);
        csv.WriteField(row.Value);
        for (var i = 3; i < columns.Length; i++)
        {
            csv.WriteField((string?)null);
        }

        csv.WriteNumber(row.Weight);
    }
}
