using System.Globalization;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The scale suite's figures on the PostgreSQL store, on one throwaway cluster: <c>status</c> and a <c>resume</c>
/// with nothing due on a big store against an empty one, and a plain resume's time to its first lookup on a big
/// pending store against one a quarter its size, start-up (a one-indicator store) subtracted. The stores are
/// filled by SQL in the shape the import leaves (<see cref="PostgresScaleStores"/>), at the scale suite's sizes;
/// each database the timed runs read is opened once by <c>status</c> before it is timed, as on SQLite.
/// </summary>
internal sealed class PostgresScaleSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const string Name = "postgres-scale";

    // Answers never turn stale during the bench: the answered store has nothing due.
    private const string LongRefresh = "--Lookup:RefreshAfter=3650.00:00:00";

    public Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        if (BenchCluster.FindBinaries() is not { } bin)
        {
            log.WriteLine("  PostgreSQL's server is not installed (apt-get install -y postgresql): the postgres-scale suite is left out.");
            return Task.FromResult<IReadOnlyList<Figure>>([]);
        }

        return MeasureAsync(bin, ct);
    }

    private async Task<IReadOnlyList<Figure>> MeasureAsync(string bin, CancellationToken ct)
    {
        var big = settings.ScaleIndicators;
        var small = settings.ScaleIndicators / 4;
        using var cluster = BenchCluster.Start(bin);
        await using var server = await StandInServer.StartAsync(new StandInOptions(settings.FixtureDirectory), ct);
        var scratch = settings.Scratch(Name);
        var output = $"--Output:Directory={Path.Combine(scratch, "out")}";
        string Store(string database) => "--Store:ConnectionString=" + string.Create(
            CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={cluster.Port};Username=postgres;Database={database}");
        string[] Status(string database) => ["status", "--Store:Provider=postgres", Store(database), output];
        string[] Resume(string database, params string[] more) =>
            ["resume", "--Store:Provider=postgres", Store(database), output, $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}", .. more];

        // The program writes the schema into each new database on its first open; the rows follow by SQL.
        var stores = new PostgresScaleStores(cluster, log);
        foreach (var (database, count, answered) in new[] { ("empty", 0, false), ("pending_big", big, false), ("answered_big", big, true), ("pending_small", small, false), ("pending_one", 1, false) })
        {
            cluster.Sql("postgres", $"CREATE DATABASE {database}");
            ProgramRunner.EnsureSucceeded(await runner.RunAsync(Status(database), scratch, ct), $"status creating {database}");
            if (count > 0)
            {
                stores.Fill(database, count, answered);
            }
        }

        // A plain resume changes its store: each one runs on its own copy, made before anything opens the originals again.
        var copies = new List<(int Count, string Database)>();
        for (var run = 0; run < settings.Runs; run++)
        {
            foreach (var (count, template) in new[] { (1, "pending_one"), (small, "pending_small"), (big, "pending_big") })
            {
                var copy = string.Create(CultureInfo.InvariantCulture, $"first_{count}_{run}");
                await stores.CopyAsync(template, copy, ct);
                copies.Add((count, copy));
            }
        }

        foreach (var warmUp in new[] { Status("empty"), Status("pending_big"), Resume("answered_big", LongRefresh) })
        {
            ProgramRunner.EnsureSucceeded(await runner.RunAsync(warmUp, scratch, ct), "warm-up " + warmUp[0]);
        }

        var runs = new Dictionary<string, List<ProcessResult>> { ["status empty"] = [], ["status big"] = [], ["resume empty"] = [], ["resume big"] = [] };
        var firsts = new Dictionary<int, List<double>> { [1] = [], [small] = [], [big] = [] };
        for (var run = 0; run < settings.Runs; run++)
        {
            foreach (var (name, arguments) in new[]
            {
                ("status empty", Status("empty")), ("status big", Status("pending_big")),
                ("resume empty", Resume("empty", LongRefresh)), ("resume big", Resume("answered_big", LongRefresh)),
            })
            {
                var result = ProgramRunner.EnsureSucceeded(await runner.RunAsync(arguments, scratch, ct), "postgres " + name);
                runs[name].Add(result);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres {name}: {result.Seconds:F2} s ({result.PeakRssMB:F0} MB)"));
            }

            foreach (var (count, database) in copies.Skip(run * 3).Take(3))
            {
                var took = await ResumeSuite.TimeToFirstRequestAsync(settings, server, Resume(database), scratch, ct);
                firsts[count].Add(took.TotalSeconds);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres resume {count:N0} pending: first request after {took.TotalSeconds:F2} s"));
            }
        }

        // A run from an input file into a new database, as the scale suite's on SQLite: the import (a first read, straight
        // into indicators), then the queue, until the first request reaches the stand-in.
        var (bigInput, smallInput, inputStartUp, fromInputPeak) = await RunsFromInput.TimeAsync(
            settings,
            server,
            (rows, run) =>
            {
                var database = string.Create(CultureInfo.InvariantCulture, $"input_{rows}_{run}");
                cluster.Sql("postgres", $"CREATE DATABASE {database}");
                return (["--Store:Provider=postgres", Store(database), output], scratch);
            },
            "postgres run from",
            log,
            ct);

        // The export at 4x, as the scale suite's on SQLite: a new database per size and run, filled by the postgres suite's
        // SQL, so that every export is a first one (every verdict and related item recorded as added).
        var (answers, relations) = (settings.ExportIndicators, settings.ExportRelations);
        var exports = new[] { new List<double>(), new List<double>() };
        double exportPeak = 0;
        for (var run = 0; run < settings.Runs; run++)
        {
            for (var size = 0; size < 2; size++)
            {
                var times = size == 0 ? 1 : 4;
                var database = string.Create(CultureInfo.InvariantCulture, $"export_{times}x_{run}");
                cluster.Sql("postgres", $"CREATE DATABASE {database}");
                ProgramRunner.EnsureSucceeded(await runner.RunAsync(Status(database), scratch, ct), $"status creating {database}");
                cluster.Sql(database, PostgresExportMeasure.FillSql(answers * times, relations * times));
                var result = ProgramRunner.EnsureSucceeded(
                    await runner.RunAsync(["export", "--Store:Provider=postgres", Store(database), output], scratch, ct), "postgres export");
                exports[size].Add(result.Seconds);
                exportPeak = Math.Max(exportPeak, result.PeakRssMB);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres export {Size(answers * times)} answers: {result.Seconds:F2} s ({result.PeakRssMB:F0} MB)"));
            }
        }

        var (smallExport, bigExport) = (Stats.Median(exports[0]), Stats.Median(exports[1]));

        double Median(string name) => Stats.Median(runs[name].Select(r => r.Seconds));
        var startUp = Stats.Median(firsts[1]);
        var peak = Math.Max(Math.Max(runs.Values.SelectMany(r => r).Max(r => r.PeakRssMB), fromInputPeak), exportPeak);
        return
        [
            Ratio($"postgres: status {Size(big)} vs empty ({Median("status big"):F2} s / {Median("status empty"):F2} s)", Median("status big"), Median("status empty"), ScaleSuite.AnswerRatioTarget, Status("pending_big")),
            Ratio(
                $"postgres: resume, nothing due, {Size(big)} vs empty ({Median("resume big"):F2} s / {Median("resume empty"):F2} s)",
                Median("resume big"),
                Median("resume empty"),
                ScaleSuite.AnswerRatioTarget,
                Resume("answered_big", LongRefresh)),
            Ratio(
                $"postgres: resume to first lookup, {Size(big)} vs {Size(small)} pending, start-up ({startUp:F2} s) subtracted",
                Stats.Median(firsts[big]) - startUp,
                Stats.Median(firsts[small]) - startUp,
                ScaleSuite.GrowthTarget,
                Resume("<copy of a pending database>")),
            Ratio(
                $"postgres: run from input to first lookup, {Size(big)} vs {Size(small)} rows ({bigInput:F2} s / {smallInput:F2} s, start-up {inputStartUp:F2} s subtracted)",
                bigInput,
                smallInput,
                ScaleSuite.GrowthTarget,
                RunsFromInput.Shown(settings, "--Store:Provider=postgres", Store("<new database>"), output)),
            Ratio(
                $"postgres: export, {Size(answers * 4)} answers / {Size(relations * 4)} relations vs {Size(answers)} / {Size(relations)} ({bigExport:F2} s / {smallExport:F2} s)",
                bigExport,
                smallExport,
                ScaleSuite.GrowthTarget,
                ["export", "--Store:Provider=postgres", Store("<new database, filled>"), output]),
            new(Name, "postgres: peak RSS of status, resume, the runs from input and the exports", F(peak, "F0") + " MB", $"<= {ScaleSuite.PeakRssTargetMB:F0} MB", peak <= ScaleSuite.PeakRssTargetMB, runner.Describe(Status("pending_big"))),
        ];

        Figure Ratio(string name, double numerator, double divisor, double target, IReadOnlyList<string> arguments) =>
            Figure.Ratio(Name, name, numerator, divisor, target, runner.Describe(arguments.Select(Shown).ToList()));

        // The record names no port of a cluster that is gone, nor the bench's work folder.
        string Shown(string argument) =>
            argument
                .Replace(string.Create(CultureInfo.InvariantCulture, $"Port={cluster.Port}"), "Port=<bench cluster>", StringComparison.Ordinal)
                .Replace(server.ApiBaseUrl.ToString(), "<stand-in>", StringComparison.Ordinal)
                .Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal);
    }

    private static string Size(int count) => count >= 1_000_000 ? F(count / 1e6, "0.##") + "M" : F(count / 1e3, "0.##") + "k";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
