using System.Globalization;
using System.Text;

namespace ThreatCrowd.Batch.Bench.Report;

/// <summary>Prints the figures against their targets, as a table on the console and as Markdown for the record.</summary>
internal static class FigureTable
{
    public static string ToText(IReadOnlyList<Figure> figures)
    {
        var rows = figures.Select(f => (f.Suite, f.Name, f.Value, f.Target, Verdict(f.Met))).ToList();
        var widths = new[]
        {
            Math.Max(5, rows.Max(r => r.Suite.Length)), rows.Max(r => r.Name.Length), rows.Max(r => r.Value.Length),
            Math.Max(6, rows.Max(r => r.Target.Length)),
        };
        var text = new StringBuilder();
        text.AppendLine(Line(widths, "suite", "figure", "value", "target", ""));
        foreach (var row in rows)
        {
            text.AppendLine(Line(widths, row.Suite, row.Name, row.Value, row.Target, row.Item5));
        }

        return text.ToString();
    }

    public static string ToMarkdown(IReadOnlyList<Figure> figures, string machine, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`").AppendLine();
        text.AppendLine("| suite | figure | value | target | met |").AppendLine("|---|---|---|---|---|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Suite} | {f.Name} | {f.Value} | {f.Target} | {Verdict(f.Met)} |");
        }

        text.AppendLine().AppendLine("Commands measured:").AppendLine();
        foreach (var command2 in figures.Select(f => f.Command).Where(c => c.Length > 0).Distinct())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{command2}`");
        }

        return text.ToString();
    }

    private static string Verdict(bool? met) => met switch
    {
        true => "met",
        false => "MISSED",
        null => "",
    };

    private static string Line(int[] widths, string suite, string name, string value, string target, string verdict) =>
        string.Join("  ", suite.PadRight(widths[0]), name.PadRight(widths[1]), value.PadLeft(widths[2]), target.PadRight(widths[3]), verdict).TrimEnd();
}
