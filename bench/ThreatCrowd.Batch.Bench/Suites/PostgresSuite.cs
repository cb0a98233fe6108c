using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The import into the PostgreSQL store (a read into a new store, so binary COPY straight into indicators and
/// provenance: PostgresFirstRead), against psql's <c>\copy</c> of the same file into a table with a unique index,
/// both on one throwaway cluster, alternated run by run so a busy machine weighs on both alike. The baseline's unique index is on (value, row
/// number): psql's \copy stops at the first repeated value, where the program collapses repeats. Then the export
/// from a PostgreSQL store (<see cref="PostgresExportMeasure"/>).
/// </summary>
internal sealed class PostgresSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double RatioTarget = 1.5;

    public Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        if (BenchCluster.FindBinaries() is not { } bin)
        {
            log.WriteLine("  PostgreSQL's server is not installed (apt-get install -y postgresql): the postgres suite is left out.");
            return Task.FromResult<IReadOnlyList<Figure>>([]);
        }

        return MeasureAsync(bin, ct);
    }

    private async Task<IReadOnlyList<Figure>> MeasureAsync(string bin, CancellationToken ct)
    {
        var csv = ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, settings.ImportRows);
        using var cluster = BenchCluster.Start(bin);
        var ours = new List<ProcessResult>();
        var psql = new List<ProcessResult>();
        var ratios = new List<double>();
        for (var run = 0; run < settings.Runs; run++)
        {
            // Each side starts from a checkpoint: without one, a run pays for writing out what the run before it left
            // behind (ours leaves about twice psql's), and the ratio measured that more than either import.
            var database = $"bench_{run}";
            cluster.Sql("postgres", $"CREATE DATABASE {database}");
            cluster.Sql("postgres", "CHECKPOINT");
            var program = ProgramRunner.EnsureSucceeded(
                await ChildProcess.RunAsync("dotnet", [typeof(PostgresSuite).Assembly.Location, PostgresImportChild.Verb, csv, cluster.ConnectionString(database)], cluster.Folder, ct),
                "the PostgreSQL import");
            ours.Add(program);

            var baseline = $"copy_{run}";
            cluster.Sql("postgres", $"CREATE DATABASE {baseline}");
            cluster.Sql(baseline, "CREATE TABLE t (line bigint GENERATED ALWAYS AS IDENTITY, value text, type text); CREATE UNIQUE INDEX t_value ON t (value, line)");
            cluster.Sql("postgres", "CHECKPOINT");
            var shell = ProgramRunner.EnsureSucceeded(
                await ChildProcess.RunAsync(
                    cluster.Psql,
                    ["-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", baseline, "-v", "ON_ERROR_STOP=1", "-c", $"\\copy t (value, type) FROM '{csv}' WITH (FORMAT csv, HEADER true)"],
                    cluster.Folder,
                    ct),
                "psql \\copy");
            psql.Add(shell);
            ratios.Add(program.Seconds / shell.Seconds);
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  postgres import {settings.ImportRows:N0}: {program.Seconds:F2} s ({program.PeakRssMB:F0} MB; {program.Output.Trim()}); psql \\copy {shell.Seconds:F2} s; ratio {ratios[^1]:F2}x"));
        }

        var size = settings.ImportRows >= 1_000_000 ? $"{settings.ImportRows / 1_000_000}M" : $"{settings.ImportRows / 1000}k";
        var command = $"./run.sh bench --only postgres{(settings.Quick ? " --quick" : "")}";
        var ratio = Stats.Median(ratios);
        var rss = Stats.Median(ours.Select(r => r.PeakRssMB));
        var export = await new PostgresExportMeasure(settings, runner, log).RunAsync(cluster, ct);
        return
        [
            new Figure("postgres", $"{size} rows: import into PostgreSQL", F(Stats.Median(ours.Select(r => r.Seconds)), "F2") + " s", "", null, command),
            new Figure("postgres", $"{size} rows: psql \\copy into a unique-indexed table", F(Stats.Median(psql.Select(r => r.Seconds)), "F2") + " s", "", null, command),
            new Figure("postgres", $"{size} rows: ours / psql \\copy", F(ratio, "F2") + "x", $"<= {RatioTarget:F1}x", ratio <= RatioTarget, command),
            new Figure("postgres", $"{size} rows: peak RSS", F(rss, "F0") + " MB", "<= 250 MB", rss <= 250, command),
            .. export,
        ];
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
