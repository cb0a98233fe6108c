using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Imports the generated SIEM export into a new store with the program's <c>import</c> verb (which also writes the
/// tables), side by side with the sqlite3 shell's <c>.import</c> of the same file into a two-column table with a
/// unique index and the same page cache; then the same for the large file, to show how the cost grows.
/// </summary>
internal sealed class ImportSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double RatioTarget = 1.25;
    public const double GrowthTarget = 5.5;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var small = ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, settings.ImportRows);
        var large = ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, settings.LargeImportRows);
        var ours = new List<ProcessResult>();
        var tables = new List<ProcessResult>();
        var sqlite = new List<ProcessResult>();
        var ratios = new List<double>();
        var stageRatios = new List<double>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var program = await ImportAsync(small, ct);
            ours.Add(program);

            // The import verb ends by writing the tables; the same export again, alone, tells the two parts apart.
            var export = await runner.RunAsync(ExportArguments(), settings.Scratch("import-export"), ct);
            tables.Add(ProgramRunner.EnsureSucceeded(export, "export after import"));
            var line = string.Create(CultureInfo.InvariantCulture, $"  import {settings.ImportRows:N0}: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB), of which tables {export.Seconds:F2} s");
            if (ProgramRunner.HasSqlite3)
            {
                var shell = await SqliteImportAsync(small, ct);
                sqlite.Add(shell);
                ratios.Add(program.Seconds / shell.Seconds);
                stageRatios.Add((program.Seconds - export.Seconds) / shell.Seconds);
                line += string.Create(CultureInfo.InvariantCulture, $"; sqlite3 .import {shell.Seconds:F2} s");
            }

            log.WriteLine(line);
        }

        var bigRuns = new List<ProcessResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var program = await ImportAsync(large, ct);
            bigRuns.Add(program);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  import {settings.LargeImportRows:N0}: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB)"));
        }

        var smallName = Size(settings.ImportRows);
        var largeName = Size(settings.LargeImportRows);
        var smallSeconds = Stats.Median(ours.Select(r => r.Seconds));
        var largeSeconds = Stats.Median(bigRuns.Select(r => r.Seconds));
        var figures = new List<Figure>
        {
            Seconds($"{smallName} rows: time", smallSeconds, ImportCommand(small)),
            Rate($"{smallName} rows: rows/s", settings.ImportRows / smallSeconds, ImportCommand(small)),
            Rss($"{smallName} rows: peak RSS", ours, ImportCommand(small)),
        };
        figures.Add(Seconds($"{smallName} rows: of which writing the tables", Stats.Median(tables.Select(r => r.Seconds)), runner.Describe(ExportArguments())));
        if (sqlite.Count > 0)
        {
            figures.Add(Seconds($"{smallName} rows: sqlite3 .import", Stats.Median(sqlite.Select(r => r.Seconds)), "sqlite3 -batch base.db < import.sql"));
            var ratio = Stats.Median(ratios);
            figures.Add(new Figure("import", $"{smallName} rows: ours / sqlite3", F(ratio, "F2") + "x", $"<= {RatioTarget:F2}x", ratio <= RatioTarget, ""));
            var stage = Stats.Median(stageRatios);
            figures.Add(new Figure("import", $"{smallName} rows: ours without the tables / sqlite3", F(stage, "F2") + "x", "", null, ""));
        }

        var growth = largeSeconds / smallSeconds;
        figures.Add(Seconds($"{largeName} rows: time", largeSeconds, ImportCommand(large)));
        figures.Add(Rate($"{largeName} rows: rows/s", settings.LargeImportRows / largeSeconds, ImportCommand(large)));
        figures.Add(Rss($"{largeName} rows: peak RSS", bigRuns, ImportCommand(large)));
        figures.Add(new Figure("import", $"{largeName} / {smallName} time", F(growth, "F2") + "x", $"<= {GrowthTarget:F1}x", growth <= GrowthTarget, ""));
        return figures;
    }

    /// <summary>The page cache the sqlite3 baseline is given: the one the program imports with.</summary>
    public static long CacheSizeKiB => ImportWriter.ImportCacheKiB;

    private async Task<ProcessResult> ImportAsync(string csv, CancellationToken ct)
    {
        var scratch = settings.Scratch("import");
        var result = await runner.RunAsync(Arguments(csv, Path.Combine(scratch, "store.db"), Path.Combine(scratch, "out")), scratch, ct);
        return ProgramRunner.EnsureSucceeded(result, "import");
    }

    private async Task<ProcessResult> SqliteImportAsync(string csv, CancellationToken ct)
    {
        var scratch = settings.Scratch("import-sqlite3");
        var result = await ProgramRunner.RunSqliteAsync(Path.Combine(scratch, "base.db"), BaselineScript(csv), scratch, ct);
        return result.ExitCode == 0 || result.Error.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            ? result
            : ProgramRunner.EnsureSucceeded(result, "sqlite3 .import");
    }

    /// <summary>
    /// The baseline: the store's journal mode, the program's import page cache, a unique index on the value, and the
    /// shell's CSV import, which reads the file in C and inserts every row in one transaction. Repeated values fail
    /// the unique index (the shell reports each on stderr and goes on), as the program collapses them.
    /// </summary>
    public static string BaselineScript(string csv) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -{CacheSizeKiB};
            CREATE TABLE t (value TEXT, type TEXT);
            CREATE UNIQUE INDEX t_value ON t (value);
            .import --csv --skip 1 '{csv}' t

            """);

    private string[] ExportArguments() =>
        ["export", $"--Store:Path={Path.Combine(settings.WorkDirectory, "runs", "import", "store.db")}", $"--Output:Directory={Path.Combine(settings.WorkDirectory, "runs", "import", "out")}"];

    private static string[] Arguments(string csv, string store, string output) =>
        ["import", "--input", csv, $"--Store:Path={store}", $"--Output:Directory={output}", "--Sources:DefaultFeeds=false"];

    private string ImportCommand(string csv) =>
        runner.Describe(Arguments(csv, "artifacts/bench/runs/import/store.db", "artifacts/bench/runs/import/out"));

    private static Figure Seconds(string name, double seconds, string command) => new("import", name, F(seconds, "F2") + " s", "", null, command);

    private static Figure Rate(string name, double rate, string command) => new("import", name, F(rate, "N0"), "", null, command);

    private static Figure Rss(string name, List<ProcessResult> runs, string command)
    {
        var mb = Stats.Median(runs.Select(r => r.PeakRssMB));
        return new Figure("import", name, F(mb, "F0") + " MB", "<= 250 MB", mb <= 250, command);
    }

    private static string Size(int rows) => rows >= 1_000_000 && rows % 1_000_000 == 0
        ? (rows / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M"
        : (rows / 1000).ToString(CultureInfo.InvariantCulture) + "k";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
