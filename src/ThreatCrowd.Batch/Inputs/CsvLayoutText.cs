using System.Globalization;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>How a file will be read, in lines for a person: delimiter, header, list name, and each column's role.</summary>
internal static class CsvLayoutText
{
    public static IEnumerable<string> Describe(CsvColumnLayout layout, CsvPreview preview)
    {
        var c = CultureInfo.InvariantCulture;
        yield return $"delimiter: {Name(preview.Delimiter)}";
        yield return layout.Header switch
        {
            null => "header: none; the first column holds the value, a second column naming a type gives its type",
            { Commented: true } header => string.Create(c, $"header: line {header.Line}, commented out (# {string.Join(",", header.Cells)})"),
            var header => string.Create(c, $"header: line {header.Line} ({string.Join(",", header.Cells)})"),
        };
        if (preview.Comments.Count > 0)
        {
            yield return string.Create(c, $"comments: {preview.Comments.Count} # line(s) before the data, and any # line after it, are skipped");
        }

        yield return $"list: {layout.Label} (what its rows say about an indicator is shown as \"{layout.Label}: ...\")";
        yield return "columns:";
        int width = layout.Plan.IsEmpty ? 0 : layout.Plan.Max(column => column.Name.Length);
        foreach (var column in layout.Plan)
        {
            var name = column.Name.PadRight(width);
            yield return string.Create(c, $"  {column.Index + 1,3} {name}  {Role(column)}");
        }

        if (layout.Problem is { } problem)
        {
            yield return $"problem: {problem}";
        }
    }

    private static string Role(CsvColumnPlan column)
    {
        var why = column.Why.Length > 0 ? $" ({column.Why})" : "";
        return column.Kind switch
        {
            ColumnKind.Value => column.Hint is { } hint ? $"read as {hint}{why}" : $"read{why}",
            ColumnKind.Type => $"type of each row's value{why}",
            ColumnKind.Context => "context: kept with the indicator",
            ColumnKind.ToIds => $"MISP to_ids{why}",
            ColumnKind.Skipped => $"skipped and counted: {column.Why}",
            _ => $"ignored: {column.Why}",
        };
    }

    private static string Name(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        _ => $"\"{delimiter}\"",
    };
}
