using System.Collections.Immutable;
using System.Text;
using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Where a CSV file keeps its indicators and what its rows say about them, as <see cref="CsvLayoutBuilder"/> worked
/// it out: the header line, the value columns (each with the type its name gives, or the row's type cell), the
/// context columns and the columns whose values are skipped and counted. Turns each data row into entries.
/// </summary>
internal sealed class CsvColumnLayout
{
    public const string NoValueColumns =
        "the header names no indicator column; call it indicator, ioc, value or observable, or after a type such as domain, ip or md5, or name it in Sources:Files";

    public const string NoValue = "row with no value (empty or a placeholder such as - or N/A)";

    public const string ToIdsZero = "MISP to_ids is 0 (Sources:MispToIdsOnly is on)";

    /// <summary>The most of a row's context kept: a label and a few words, not a pasted report.</summary>
    private const int MaxContextLength = 200;

    private readonly ImmutableArray<CsvValueColumn> _valueColumns;
    private readonly ImmutableArray<CsvContextColumn> _contextColumns;
    private readonly ImmutableArray<CsvSkippedColumn> _skippedColumns;
    private readonly int _typeColumn;
    private readonly int _toIdsColumn;

    // Without a header, a second column is a type only when it names a lookup type: "comment" there is a comment.
    private readonly bool _typeMustBeLookup;

    public CsvColumnLayout(
        CsvHeader? header,
        string label,
        ImmutableArray<CsvColumnPlan> plan,
        ImmutableArray<CsvValueColumn> valueColumns,
        ImmutableArray<CsvContextColumn> contextColumns,
        ImmutableArray<CsvSkippedColumn> skippedColumns,
        int typeColumn,
        int toIdsColumn,
        bool typeMustBeLookup)
    {
        _typeMustBeLookup = typeMustBeLookup;
        Header = header;
        Label = label;
        Plan = plan;
        _valueColumns = valueColumns;
        _contextColumns = contextColumns;
        _skippedColumns = skippedColumns;
        _typeColumn = typeColumn;
        _toIdsColumn = toIdsColumn;
    }

    /// <summary>The header, or null when the file has none.</summary>
    public CsvHeader? Header { get; }

    /// <summary>The short name of the list, before its context ("feodo").</summary>
    public string Label { get; }

    public ImmutableArray<CsvColumnPlan> Plan { get; }

    /// <summary>A header that names nothing to read or count: the file is reported once, not row by row.</summary>
    public string? Problem => _valueColumns.IsEmpty && _skippedColumns.IsEmpty ? NoValueColumns : null;

    /// <summary>Adds the entries of one data row: values, values skipped with their reason, or the row's problem.</summary>
    public void AddEntries(CsvReader row, string source, long line, List<SourceEntry> entries)
    {
        if (_toIdsColumn >= 0 && _toIdsColumn < row.FieldCount && row.GetSpan(_toIdsColumn).Trim(" \t"u8).SequenceEqual("0"u8))
        {
            entries.Add(new SourceEntry(source, line, "", null, Skipped: ToIdsZero));
            return;
        }

        foreach (var skipped in _skippedColumns)
        {
            if (skipped.Index < row.FieldCount && !Placeholders.IsBlank(row.GetSpan(skipped.Index)))
            {
                entries.Add(new SourceEntry(source, line, row.GetString(skipped.Index), null, Skipped: skipped.Reason));
            }
        }

        int before = entries.Count;
        bool anyCell = false;
        string? context = null;
        bool contextRead = false;
        foreach (var column in _valueColumns)
        {
            if (column.Index >= row.FieldCount)
            {
                continue;
            }

            anyCell = true;
            if (Placeholders.IsBlank(row.GetSpan(column.Index)))
            {
                continue;
            }

            if (!contextRead)
            {
                context = ContextOf(row);
                contextRead = true;
            }

            var value = row.GetString(column.Index);
            if (!column.UsesTypeCell)
            {
                entries.Add(new SourceEntry(source, line, value, column.Hint, Context: context));
                continue;
            }

            AddTyped(TypeOf(row), value, source, line, context, entries);
        }

        if (entries.Count > before || _valueColumns.IsEmpty)
        {
            return;
        }

        if (!anyCell)
        {
            var names = string.Join(", ", _valueColumns.Select(column => column.DisplayName));
            var problem = _valueColumns.Length == 1 ? $"no value in column {names}" : $"no value in columns {names}";
            entries.Add(new SourceEntry(source, line, "", null, problem));
            return;
        }

        entries.Add(new SourceEntry(source, line, "", null, Skipped: NoValue));
    }

    private static void AddTyped(TypeReading? reading, string value, string source, long line, string? context, List<SourceEntry> entries)
    {
        if (reading is null)
        {
            entries.Add(new SourceEntry(source, line, value, null, Context: context));
        }
        else if (reading.SkipReason is { } reason)
        {
            entries.Add(new SourceEntry(source, line, value, null, Skipped: reason));
        }
        else if (!reading.IsComposite)
        {
            entries.Add(new SourceEntry(source, line, value, reading.Hints[0], Context: context));
        }
        else
        {
            // MISP's composite values: domain|ip gives both, filename|md5 the hash, ip-dst|port the address.
            var parts = value.Split('|');
            for (int i = 0; i < parts.Length && i < reading.Hints.Length; i++)
            {
                if (reading.Hints[i] is { } hint && !Placeholders.IsBlank(parts[i]))
                {
                    entries.Add(new SourceEntry(source, line, parts[i], hint, Context: context));
                }
            }
        }
    }

    private TypeReading? TypeOf(CsvReader row)
    {
        if (_typeColumn < 0 || _typeColumn >= row.FieldCount || Placeholders.IsBlank(row.GetSpan(_typeColumn)))
        {
            return null;
        }

        var reading = TypeVocabulary.Find(row.GetString(_typeColumn));
        return _typeMustBeLookup && reading?.SkipReason is not null ? null : reading;
    }

    private string? ContextOf(CsvReader row)
    {
        if (_contextColumns.IsEmpty)
        {
            return null;
        }

        var text = new StringBuilder(Label).Append(": ");
        int start = text.Length;
        foreach (var column in _contextColumns)
        {
            if (column.Index >= row.FieldCount || Placeholders.IsBlank(row.GetSpan(column.Index)))
            {
                continue;
            }

            var cell = row.GetString(column.Index).Trim();
            var said = column.Label switch
            {
                "" => cell,
                "tags" => "tags " + string.Join(' ', cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                _ => $"{column.Label} {cell}",
            };
            if (said.Length == 0 || ContainsItem(text, start, said))
            {
                continue;
            }

            text.Append(text.Length > start ? ", " : "").Append(said);
        }

        if (text.Length == start)
        {
            return null;
        }

        return text.Length > MaxContextLength ? string.Concat(text.ToString(0, MaxContextLength - 1), "…") : text.ToString();
    }

    // The same words twice in a row's context (a family in two columns) say nothing more.
    private static bool ContainsItem(StringBuilder text, int start, string item) =>
        text.ToString(start, text.Length - start).Split(", ").Contains(item, StringComparer.OrdinalIgnoreCase);
}
