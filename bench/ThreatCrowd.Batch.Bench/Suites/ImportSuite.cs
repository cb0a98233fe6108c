using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Imports the generated SIEM export into a new store with the program's <c>import --no-tables</c>, side by side with
/// the sqlite3 shell's <c>.import</c> of the same file into a two-column table with a unique index and the same page
/// cache (the same work: read a file into an indexed table); the verb as it is by default, which then writes the
/// tables, is reported beside it. Then the large file, to show how the import's cost grows.
/// </summary>
internal sealed class ImportSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double RatioTarget = 1.25;
    public const double GrowthTarget = 5.5;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var small = ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, settings.ImportRows);
        var large = ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, settings.LargeImportRows);
        var alone = new List<ProcessResult>();
        var verb = new List<ProcessResult>();
        var sqlite = new List<ProcessResult>();
        var ratios = new List<double>();
        var verbRatios = new List<double>();
        for (var run = 0; run < settings.Runs; run++)
        {
            // The import alone (--no-tables) is the work the shell's .import does; the verb then writes the tables too.
            var program = await ImportAsync(small, withTables: false, ct);
            alone.Add(program);
            var withTables = await ImportAsync(small, withTables: true, ct);
            verb.Add(withTables);
            var line = string.Create(CultureInfo.InvariantCulture, $"  import {settings.ImportRows:N0}: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB), with the tables {withTables.Seconds:F2} s ({withTables.PeakRssMB:F0} MB)");
            if (ProgramRunner.HasSqlite3)
            {
                var shell = await SqliteImportAsync(small, ct);
                sqlite.Add(shell);
                ratios.Add(program.Seconds / shell.Seconds);
                verbRatios.Add(withTables.Seconds / shell.Seconds);
                line += string.Create(CultureInfo.InvariantCulture, $"; sqlite3 .import {shell.Seconds:F2} s");
            }

            log.WriteLine(line);
        }

        var bigRuns = new List<ProcessResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var program = await ImportAsync(large, withTables: false, ct);
            bigRuns.Add(program);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  import {settings.LargeImportRows:N0}: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB)"));
        }

        var smallName = Size(settings.ImportRows);
        var largeName = Size(settings.LargeImportRows);
        var smallSeconds = Stats.Median(alone.Select(r => r.Seconds));
        var largeSeconds = Stats.Median(bigRuns.Select(r => r.Seconds));
        var figures = new List<Figure>
        {
            Seconds($"{smallName} rows: time", smallSeconds, ImportCommand(small, withTables: false)),
            Rate($"{smallName} rows: rows/s", settings.ImportRows / smallSeconds, ImportCommand(small, withTables: false)),
            Rss($"{smallName} rows: peak RSS", alone, ImportCommand(small, withTables: false)),
            Seconds($"{smallName} rows: the import verb, tables written", Stats.Median(verb.Select(r => r.Seconds)), ImportCommand(small, withTables: true)),
            Rss($"{smallName} rows: the import verb, tables written: peak RSS", verb, ImportCommand(small, withTables: true)),
        };
        if (sqlite.Count > 0)
        {
            figures.Add(Seconds($"{smallName} rows: sqlite3 .import", Stats.Median(sqlite.Select(r => r.Seconds)), "sqlite3 -batch base.db < import.sql"));
            var ratio = Stats.Median(ratios);
            figures.Add(new Figure("import", $"{smallName} rows: ours / sqlite3", F(ratio, "F2") + "x", $"<= {RatioTarget:F2}x", ratio <= RatioTarget, ""));
            var verbRatio = Stats.Median(verbRatios);
            figures.Add(new Figure("import", $"{smallName} rows: the verb with its tables / sqlite3", F(verbRatio, "F2") + "x", "", null, ""));
        }

        var growth = largeSeconds / smallSeconds;
        figures.Add(Seconds($"{largeName} rows: time", largeSeconds, ImportCommand(large, withTables: false)));
        figures.Add(Rate($"{largeName} rows: rows/s", settings.LargeImportRows / largeSeconds, ImportCommand(large, withTables: false)));
        figures.Add(Rss($"{largeName} rows: peak RSS", bigRuns, ImportCommand(large, withTables: false)));
        figures.Add(new Figure("import", $"{largeName} / {smallName} time", F(growth, "F2") + "x", $"<= {GrowthTarget:F1}x", growth <= GrowthTarget, ""));
        return figures;
    }

    /// <summary>The page cache the sqlite3 baseline is given: the one the program imports with.</summary>
    public static long CacheSizeKiB => ImportWriter.ImportCacheKiB;

    private async Task<ProcessResult> ImportAsync(string csv, bool withTables, CancellationToken ct)
    {
        var scratch = settings.Scratch("import");
        var result = await runner.RunAsync(Arguments(csv, Path.Combine(scratch, "store.db"), Path.Combine(scratch, "out"), withTables), scratch, ct);
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

    private static string[] Arguments(string csv, string store, string output, bool withTables) =>
        ["import", "--input", csv, $"--Store:Path={store}", $"--Output:Directory={output}", "--Sources:DefaultFeeds=false", .. withTables ? Array.Empty<string>() : ["--no-tables"]];

    private string ImportCommand(string csv, bool withTables) =>
        runner.Describe(Arguments(csv, "artifacts/bench/runs/import/store.db", "artifacts/bench/runs/import/out", withTables));

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
