using System.Globalization;
using System.Text.RegularExpressions;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Writes every table (CSV and JSON) from a store of answered indicators with the program's <c>export</c> verb,
/// side by side with the sqlite3 shell dumping the relations join to one CSV file with the same page cache.
/// </summary>
internal sealed partial class ExportSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double RatioTarget = 2.0;

    /// <summary>The join behind threatcrowd_relations, in its order: what the shell dumps.</summary>
    private const string RelationsJoin =
        """
        SELECT i.value, i.type, r.relation, r.related, r.related_type, r.last_resolved, a.answered_at
        FROM relations r
        JOIN indicators i ON i.id = r.indicator_id
        JOIN answers a ON a.indicator_id = r.indicator_id
        ORDER BY r.indicator_id, r.relation, r.related;
        """;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var store = AnsweredStore.Ensure(settings.DataDirectory, settings.Seed, settings.ExportIndicators, settings.ExportRelations);
        var ours = new List<ProcessResult>();
        var sqlite = new List<ProcessResult>();
        var ratios = new List<double>();
        long rows = 0;
        for (var run = 0; run < settings.Runs; run++)
        {
            var output = settings.Scratch("export");
            var program = ProgramRunner.EnsureSucceeded(await runner.RunAsync(Arguments(store, Path.Combine(output, "out")), output, ct), "export");
            ours.Add(program);
            rows = RowsWritten(program.Output);
            if (ProgramRunner.HasSqlite3)
            {
                var dump = settings.Scratch("export-sqlite3");
                var shell = ProgramRunner.EnsureSucceeded(
                    await ProgramRunner.RunSqliteAsync(store, BaselineScript(Path.Combine(dump, "relations.csv")), dump, ct), "sqlite3 dump");
                sqlite.Add(shell);
                ratios.Add(program.Seconds / shell.Seconds);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  export: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB, {rows:N0} rows); sqlite3 dump {shell.Seconds:F2} s"));
            }
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{settings.ExportIndicators / 1000}k answers, {settings.ExportRelations / 1000}k relations");
        var command = runner.Describe(Arguments(runner.Relative(store), "artifacts/bench/runs/export/out"));
        var seconds = Stats.Median(ours.Select(r => r.Seconds));
        var rss = Stats.Median(ours.Select(r => r.PeakRssMB));
        var figures = new List<Figure>
        {
            new("export", $"{name}: time", F(seconds, "F2") + " s", "", null, command),
            new("export", "rows written (all tables)", F(rows, "N0"), "", null, command),
            new("export", "rows/s", F(rows / seconds, "N0"), "", null, command),
            new("export", "peak RSS", F(rss, "F0") + " MB", "<= 250 MB", rss <= 250, command),
        };
        if (sqlite.Count > 0)
        {
            var ratio = Stats.Median(ratios);
            figures.Add(new Figure("export", "sqlite3 .mode csv dump of the join", F(Stats.Median(sqlite.Select(r => r.Seconds)), "F2") + " s", "", null, "sqlite3 -batch store.db < dump.sql"));
            figures.Add(new Figure("export", "ours / sqlite3", F(ratio, "F2") + "x", $"<= {RatioTarget:F1}x", ratio <= RatioTarget, ""));
        }

        return figures;
    }

    public static string BaselineScript(string csv) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            PRAGMA cache_size = -{ImportSuite.CacheSizeKiB};
            .headers on
            .mode csv
            .once '{csv}'
            {RelationsJoin}

            """);

    private static string[] Arguments(string store, string output) => ["export", $"--Store:Path={store}", $"--Output:Directory={output}"];

    private static long RowsWritten(string output) =>
        WroteRows().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"wrote ([\d,]+) rows")]
    private static partial Regex WroteRows();

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
