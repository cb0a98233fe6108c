using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Runs;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>
/// One real file of Inputs/RealWorld read exactly as an import reads it (the CSV reader, the classifier and the
/// lookup guard), with what became of every value: indicators, rejects, values skipped per reason.
/// </summary>
internal sealed record RealWorldImport(
    string Path,
    IReadOnlyList<string> Indicators,
    IReadOnlyList<(long Line, string Value, string Reason)> Rejects,
    IReadOnlyDictionary<string, int> Skipped,
    IReadOnlyDictionary<string, string?> Contexts)
{
    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Inputs", "RealWorld");

    public static RealWorldImport Read(string fileName, CsvReadSettings? settings = null)
    {
        var path = System.IO.Path.Combine(Directory, fileName);
        var entries = new CsvIndicatorReader().Read(path, settings);
        var items = new ClassifyingReader(new IndicatorClassifier(), new SendGuard([])).Read(entries, CancellationToken.None).SelectMany(batch => batch).ToList();
        var indicators = items.Where(item => item.Indicator is not null).ToList();
        return new RealWorldImport(
            path,
            [.. indicators.Select(item => Name(item.Indicator!)).Distinct().Order(StringComparer.Ordinal)],
            [.. items.Where(item => item.RejectReason is not null).Select(item => (item.Line, item.Value, item.RejectReason!))],
            items.Where(item => item.Skipped is not null).GroupBy(item => item.Skipped!).ToDictionary(group => group.Key, group => group.Count()),
            indicators.GroupBy(item => Name(item.Indicator!)).ToDictionary(group => group.Key, group => group.First().Context));
    }

    /// <summary>The indicators the file must give, as written in expected/&lt;file&gt;.txt.</summary>
    public static IReadOnlyList<string> Expected(string fileName) =>
        [.. File.ReadAllLines(System.IO.Path.Combine(Directory, "expected", System.IO.Path.ChangeExtension(fileName, ".txt")))
            .Where(line => line.Length > 0)
            .Order(StringComparer.Ordinal)];

    /// <summary>The text of each # line of the file, by line number (CR, LF and CR LF each end a line).</summary>
    public IReadOnlySet<long> CommentLines()
    {
        var lines = File.ReadAllText(Path).ReplaceLineEndings("\n").Split('\n');
        return lines.Select((text, index) => (text, line: index + 1L)).Where(pair => pair.text.StartsWith('#')).Select(pair => pair.line).ToHashSet();
    }

    private static string Name(Indicator indicator) => $"{indicator.Type.ToName()} {indicator.Value}";
}
