using System.Globalization;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.Batch.Store.Postgres;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The export suite's store in PostgreSQL: answered indicators with their relations (the export suite's sizes), made
/// by SQL on the server, then every table written by the program's <c>export</c> verb with Store:Provider postgres,
/// its time and peak RSS measured. The first export of a store records every verdict and item as added, so the
/// changes table is as big as the relations table.
/// </summary>
internal sealed class PostgresExportMeasure(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public async Task<IReadOnlyList<Figure>> RunAsync(BenchCluster cluster, CancellationToken ct)
    {
        var results = new List<ProcessResult>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var database = $"export_{run}";
            cluster.Sql("postgres", $"CREATE DATABASE {database}");
            var connectionString = cluster.ConnectionString(database);
            PostgresDatabase.Open(connectionString).Dispose();
            cluster.Sql(database, FillSql(settings.ExportIndicators, settings.ExportRelations));
            var output = settings.Scratch("postgres-export");
            var result = ProgramRunner.EnsureSucceeded(await runner.RunAsync(Arguments(connectionString, Path.Combine(output, "out")), output, ct), "export from PostgreSQL");
            results.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres export: {result.Seconds:F2} s ({result.PeakRssMB:F0} MB)"));
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{settings.ExportIndicators / 1000}k answers, {settings.ExportRelations / 1000}k relations");
        var command = $"./run.sh bench --only postgres{(settings.Quick ? " --quick" : "")}";
        var rss = Stats.Median(results.Select(r => r.PeakRssMB));
        return
        [
            new Figure("postgres", $"export of {name} from PostgreSQL: time", F(Stats.Median(results.Select(r => r.Seconds)), "F2") + " s", "", null, command),
            new Figure("postgres", "export from PostgreSQL: peak RSS", F(rss, "F0") + " MB", "<= 250 MB", rss <= 250, command),
        ];
    }

    /// <summary>One source, every indicator answered (votes -1, 0, 1 in turn), the relations spread over them.</summary>
    internal static string FillSql(int indicators, int relations) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        INSERT INTO sources (id, name, kind) VALUES (1, 'bench.csv', 'csv');
        INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at)
        SELECT g, 'domain', 'host' || g || '.example', 0, 0, 'found', 0 FROM generate_series(1, {indicators}) g;
        INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) SELECT g, 1, 0, 0 FROM generate_series(1, {indicators}) g;
        INSERT INTO answers (indicator_id, found, votes, raw_body, answered_at) SELECT g, true, g % 3 - 1, 'bench', 0 FROM generate_series(1, {indicators}) g;
        INSERT INTO relations (indicator_id, relation, related, related_type, last_resolved)
        SELECT 1 + g % {indicators}, CASE g % 2 WHEN 0 THEN 'resolution' ELSE 'subdomain' END, 'r' || g || '.example', 'domain', '2015-01-01'
        FROM generate_series(1, {relations}) g;
        ANALYZE;
        """);

    private static string[] Arguments(string connectionString, string output) =>
        ["export", "--Store:Provider=postgres", $"--Store:ConnectionString={connectionString}", $"--Output:Directory={output}"];

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
