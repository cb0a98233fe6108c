using System.Collections.Immutable;
using CsvHelper;

namespace ThreatCrowd.Batch.Tables;

/// <summary>The columns of a table and how one row fills them in a CSV file.</summary>
internal interface ICsvLayout<in TRow>
{
    /// <summary>The header, in column order.</summary>
    ImmutableArray<string> Columns { get; }

    /// <summary>Writes one field per column, in <see cref="Columns"/> order; the caller ends the record.</summary>
    void WriteCsv(CsvWriter csv, TRow row);
}
