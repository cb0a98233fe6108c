using System.Collections.Immutable;
using CsvHelper;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Where a CSV file keeps its indicators, worked out from its first row: a generic column (indicator, ioc, value,
/// observable) with an optional type column; else every column named after a type; without a header, the first
/// column, with the second as the type when it names one.
/// </summary>
internal sealed class CsvColumnLayout
{
    public const string NoValueColumns =
        "the header names no indicator column; call it indicator, ioc, value or observable, or after a type such as domain, ip or md5";

    private readonly ImmutableArray<CsvValueColumn> valueColumns;
    private readonly int typeColumn;
    private readonly bool typeMustBeKnown;

    private CsvColumnLayout(bool isHeader, ImmutableArray<CsvValueColumn> valueColumns, int typeColumn, bool typeMustBeKnown)
    {
        IsHeader = isHeader;
        this.valueColumns = valueColumns;
        this.typeColumn = typeColumn;
        this.typeMustBeKnown = typeMustBeKnown;
    }

    /// <summary>Whether the first row was a header (and so holds no values).</summary>
    public bool IsHeader { get; }

    public bool HasValueColumns => !valueColumns.IsEmpty;

    public static CsvColumnLayout FromFirstRow(IReadOnlyList<string> cells, IndicatorClassifier classifier)
    {
        if (!CsvHeaderRule.IsHeader(cells, classifier))
        {
            // Only a recognizable type name counts as the hint: the second column may as well be a comment.
            return new CsvColumnLayout(false, [new CsvValueColumn(0, "1", null)], typeColumn: 1, typeMustBeKnown: true);
        }

        var names = cells.Select(KnownColumns.Normalize).ToList();
        int generic = names.FindIndex(KnownColumns.IsGeneric);
        if (generic >= 0)
        {
            var column = new CsvValueColumn(generic, Quoted(cells[generic]), null);
            return new CsvColumnLayout(true, [column], names.IndexOf(KnownColumns.Type), typeMustBeKnown: false);
        }

        var typed = names
            .Select((name, index) => (name, index))
            .Where(column => KnownColumns.IsTyped(column.name))
            .Select(column => new CsvValueColumn(column.index, Quoted(cells[column.index]), column.name));
        return new CsvColumnLayout(true, [.. typed], typeColumn: -1, typeMustBeKnown: false);
    }

    /// <summary>Adds the entries of one data row; a row whose value cells are all empty gives a problem entry.</summary>
    public void AddEntries(CsvReader row, string source, long line, List<SourceEntry> entries)
    {
        var typeCell = TypeCell(row);
        int before = entries.Count;
        foreach (var column in valueColumns)
        {
            if (!CsvCells.IsBlank(row.GetSpan(column.Index)))
            {
                entries.Add(new SourceEntry(source, line, row.GetString(column.Index), column.Hint ?? typeCell));
            }
        }

        if (entries.Count == before)
        {
            var names = string.Join(", ", valueColumns.Select(column => column.DisplayName));
            var problem = valueColumns.Length == 1 ? $"no value in column {names}" : $"no value in columns {names}";
            entries.Add(new SourceEntry(source, line, "", null, problem));
        }
    }

    private string? TypeCell(CsvReader row)
    {
        if (typeColumn < 0 || CsvCells.IsBlank(row.GetSpan(typeColumn)))
        {
            return null;
        }

        var cell = row.GetString(typeColumn).Trim();
        return typeMustBeKnown && !TypeHint.IsKnown(cell) ? null : cell;
    }

    private static string Quoted(string header) => $"\"{header.Trim().Trim('\uFEFF')}\"";
}
