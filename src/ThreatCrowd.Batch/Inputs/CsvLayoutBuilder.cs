using System.Collections.Immutable;
using System.Globalization;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Works out a file's <see cref="CsvColumnLayout"/> from its <see cref="CsvPreview"/>: the header (the first record,
/// or a commented-out header above it), the role of each column from its name (<see cref="KnownColumns"/>), then
/// a look at the first rows to correct what names get wrong: a column of the same 127.0.0.1 is a hosts file's
/// sinkhole, a column named "ioc" holding sentences holds no indicators, a column named "Address" holding domain
/// names is read by detection. <see cref="CsvReadSettings"/> overrides all of it.
/// </summary>
internal sealed class CsvLayoutBuilder(IndicatorClassifier classifier)
{
    public const string Sinkhole = "hosts-file sinkhole address (the same loopback or 0.0.0.0 on every row)";
    public const string SslblFingerprint = "TLS certificate fingerprint (abuse.ch SSLBL), not a file hash";

    public CsvColumnLayout Build(string path, CsvPreview preview, CsvReadSettings settings)
    {
        var header = FindHeader(preview, settings);
        var sample = preview.Rows.Where(row => header is null || row.Line > header.Line).ToList();
        return header is null ? Headerless(path, sample, settings) : FromHeader(path, header, sample, settings);
    }

    private CsvHeader? FindHeader(CsvPreview preview, CsvReadSettings settings)
    {
        if (settings.HeaderLine is { } line)
        {
            if (line == 0)
            {
                return null;
            }

            if (preview.Rows.FirstOrDefault(row => row.Line == line) is { } record)
            {
                return new CsvHeader(line, record.Cells, Commented: false);
            }

            return preview.Comments.FirstOrDefault(comment => comment.Line == line) is { } comment
                ? new CsvHeader(line, preview.Cells(comment.Cells[0]), Commented: true)
                : null;
        }

        var first = preview.Rows.Count > 0 ? preview.Rows[0] : null;
        if (first is not null && CsvHeaderRule.IsHeader(first.Cells, classifier))
        {
            return new CsvHeader(first.Line, first.Cells, Commented: false);
        }

        // abuse.ch comments its header out under the banner: # "first_seen_utc","ioc_id",... or # id,dateadded,url,...
        var last = preview.Comments.LastOrDefault(comment => comment.Cells[0].Length > 0);
        if (last is not null)
        {
            var cells = preview.Cells(last.Cells[0]);
            if (CsvHeaderRule.IsHeader(cells, classifier))
            {
                return new CsvHeader(last.Line, cells, Commented: true);
            }
        }

        return null;
    }

    // Without a header: the first column is the value and a second column naming a lookup type its type, unless
    // Sources:Files names the columns (by number) or the type.
    private static CsvColumnLayout Headerless(string path, List<CsvPreviewLine> sample, CsvReadSettings settings)
    {
        var label = Path.GetFileNameWithoutExtension(path);
        var plan = ImmutableArray.CreateBuilder<CsvColumnPlan>();
        var values = ImmutableArray.CreateBuilder<CsvValueColumn>();
        var numbers = settings.Columns.Count > 0
            ? settings.Columns.Select(column => int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n - 1 : -1).Where(n => n >= 0).ToList()
            : [0];
        bool typeCell = settings.Type is null && settings.Columns.Count == 0;
        foreach (var index in numbers)
        {
            values.Add(new CsvValueColumn(index, (index + 1).ToString(CultureInfo.InvariantCulture), settings.Type, UsesTypeCell: typeCell));
            plan.Add(new CsvColumnPlan(index, $"column {index + 1}", ColumnKind.Value, settings.Type, typeCell ? "type from column 2 when it names a lookup type" : ""));
        }

        int width = sample.Count == 0 ? 1 : sample.Max(row => row.Cells.Length);
        for (int i = 0; i < width; i++)
        {
            if (!numbers.Contains(i))
            {
                plan.Add(typeCell && i == 1
                    ? new CsvColumnPlan(i, "column 2", ColumnKind.Type, null, "a type when it names one (evil.com,domain)")
                    : new CsvColumnPlan(i, $"column {i + 1}", ColumnKind.Ignored, null, "not the value column"));
            }
        }

        return new CsvColumnLayout(null, label, [.. plan.OrderBy(column => column.Index)], values.ToImmutable(), [], [], typeCell ? 1 : -1, -1, typeMustBeLookup: true);
    }

    private CsvColumnLayout FromHeader(string path, CsvHeader header, List<CsvPreviewLine> sample, CsvReadSettings settings)
    {
        var names = header.Cells.Select(KnownColumns.Normalize).ToArray();
        var label = SourceLabels.ForFile(path, names);
        var roles = names.Select(KnownColumns.Describe).ToArray();
        int typeColumn = settings.Type is null ? Array.FindIndex(roles, role => role.Kind == ColumnKind.Type) : -1;
        int toIds = settings.MispToIdsOnly ? Array.FindIndex(roles, role => role.Kind == ColumnKind.ToIds) : -1;

        var plan = new CsvColumnPlan[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            plan[i] = Plan(i, header.Cells[i].Trim().TrimStart('#'), names[i], roles[i], label, typeColumn, settings);
        }

        if (settings.Columns.Count == 0 && settings.Type is null)
        {
            Profile(plan, sample);
        }

        var values = plan.Where(column => column.Kind == ColumnKind.Value)
            .Select(column => new CsvValueColumn(column.Index, $"\"{column.Name}\"", column.Hint, UsesTypeCell: column.Hint is null && typeColumn >= 0 && roles[column.Index].Hint is null));
        var context = plan.Where(column => column.Kind == ColumnKind.Context).Select(column => new CsvContextColumn(column.Index, roles[column.Index].Why));
        var skipped = plan.Where(column => column.Kind == ColumnKind.Skipped).Select(column => new CsvSkippedColumn(column.Index, column.Why));
        return new CsvColumnLayout(header, label, [.. plan], [.. values], [.. context], [.. skipped], typeColumn, toIds, typeMustBeLookup: false);
    }

    private static CsvColumnPlan Plan(int index, string name, string normalized, ColumnRole role, string label, int typeColumn, CsvReadSettings settings)
    {
        if (settings.Columns.Count > 0)
        {
            bool named = settings.Columns.Any(column => KnownColumns.Normalize(column) == normalized
                || column == (index + 1).ToString(CultureInfo.InvariantCulture));
            if (named)
            {
                return new CsvColumnPlan(index, name, ColumnKind.Value, settings.Type ?? role.Hint, "named in Sources:Files Columns");
            }

            if (role.Kind == ColumnKind.Value)
            {
                return new CsvColumnPlan(index, name, ColumnKind.Ignored, null, "not in Sources:Files Columns");
            }
        }

        return role.Kind switch
        {
            ColumnKind.Value when label == "sslbl" && role.Hint is "sha1" or "hash" => new CsvColumnPlan(index, name, ColumnKind.Skipped, null, SslblFingerprint),
            ColumnKind.Value when settings.Type is not null => new CsvColumnPlan(index, name, ColumnKind.Value, settings.Type, "type from Sources:Files Type"),
            ColumnKind.Value when role.Hint is null && typeColumn >= 0 => new CsvColumnPlan(index, name, ColumnKind.Value, null, "type from the type column"),
            ColumnKind.Value => new CsvColumnPlan(index, name, ColumnKind.Value, role.Hint, role.Hint is null ? "type detected from each value" : ""),
            ColumnKind.Type when typeColumn == index => new CsvColumnPlan(index, name, ColumnKind.Type, null, ""),
            ColumnKind.Type => new CsvColumnPlan(index, name, ColumnKind.Ignored, null, settings.Type is null ? "a second type column" : "Sources:Files Type gives the type"),
            ColumnKind.ToIds => new CsvColumnPlan(index, name, settings.MispToIdsOnly ? ColumnKind.ToIds : ColumnKind.Ignored, null,
                settings.MispToIdsOnly ? "rows with 0 are skipped (Sources:MispToIdsOnly)" : "every attribute is read (Sources:MispToIdsOnly is off)"),
            ColumnKind.Context => new CsvColumnPlan(index, name, ColumnKind.Context, null, "kept with the indicator as context"),
            _ => new CsvColumnPlan(index, name, role.Kind, null, role.Why),
        };
    }

    // Names can mislead: the first rows say what a column holds. Never drops every value column.
    private void Profile(CsvColumnPlan[] plan, List<CsvPreviewLine> sample)
    {
        var candidates = plan.Where(column => column.Kind == ColumnKind.Value && column.Why != "type from the type column").ToList();
        int valueColumns = plan.Count(column => column.Kind == ColumnKind.Value);
        var dropped = new List<CsvColumnPlan>();
        foreach (var column in candidates)
        {
            var cells = sample.Where(row => row.Cells.Length > column.Index)
                .Select(row => row.Cells[column.Index].Trim())
                .Where(cell => !Placeholders.IsBlank(cell))
                .ToList();
            if (cells.Count == 0 || valueColumns < 2 || cells.Exists(cell => classifier.Classify(cell, column.Hint).IsAccepted))
            {
                if (cells.Count > 0 && valueColumns >= 2 && cells.TrueForAll(cell => cell is "127.0.0.1" or "0.0.0.0"))
                {
                    plan[column.Index] = column with { Kind = ColumnKind.Skipped, Hint = null, Why = Sinkhole };
                    dropped.Add(column);
                }

                continue;
            }

            if (column.Hint is not null && cells.Exists(cell => classifier.Classify(cell, null).IsAccepted))
            {
                plan[column.Index] = column with { Hint = null, Why = $"named like {column.Hint} but holds other values: each value's type is detected" };
                continue;
            }

            plan[column.Index] = column with { Kind = ColumnKind.Ignored, Hint = null, Why = $"holds no indicators in its first {cells.Count} values (such as \"{Shorten(cells[0])}\")" };
            dropped.Add(column);
        }

        if (dropped.Count == valueColumns)
        {
            foreach (var column in dropped)
            {
                plan[column.Index] = column;
            }
        }
    }

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : string.Concat(cell.AsSpan(0, 39), "…");
}
