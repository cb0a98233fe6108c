using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// How the costs grow with the store, side by side in one run: <c>status</c> and a <c>resume</c> with nothing due on
/// a big store against an empty one (both should answer at once whatever the size), and a plain resume's time to
/// its first lookup on a big pending store against one a quarter its size, start-up (a one-indicator store)
/// subtracted. Every store is opened once before it is timed, so a store built by an older schema is migrated and
/// the page cache is warm alike for every size. Then the same growth from an input: a <c>run</c> from the import
/// generator's file of 4M rows against one of 1M (into a new store: import, then the queue) to its first lookup,
/// and the export of a store of 400k answers and 8M relations against the export suite's 100k and 2M; peak RSS
/// of every process at every size.
/// </summary>
internal sealed class ScaleSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double AnswerRatioTarget = 2.0;
    public const double GrowthTarget = 4.4;
    public const double PeakRssTargetMB = 250;

    // Answers never turn stale during the bench: the answered store has nothing due.
    private const string LongRefresh = "--Lookup:RefreshAfter=3650.00:00:00";

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var big = settings.ScaleIndicators;
        var small = settings.ScaleIndicators / 4;
        var pendingBig = PendingStore.Ensure(settings.DataDirectory, settings.Seed, big);
        var pendingSmall = PendingStore.Ensure(settings.DataDirectory, settings.Seed, small);
        var pendingOne = PendingStore.Ensure(settings.DataDirectory, settings.Seed, 1);
        var answeredBig = AnsweredCopy.Ensure(settings.DataDirectory, pendingBig, big, settings.Seed);
        await using var server = await StandInServer.StartAsync(new StandInOptions(settings.FixtureDirectory), ct);

        var scratch = settings.Scratch("scale");
        var empty = StoreFiles.Ensure(Path.Combine(scratch, "empty.db"), _ => { });
        var statusBig = StoreFiles.Copy(pendingBig, Path.Combine(scratch, "status-big.db"));
        var resumeBig = StoreFiles.Copy(answeredBig, Path.Combine(scratch, "resume-big.db"));
        string[] Status(string store) => ["status", $"--Store:Path={store}", $"--Output:Directory={Path.Combine(scratch, "out")}"];
        string[] Resume(string store) =>
            ["resume", $"--Store:Path={store}", $"--Output:Directory={Path.Combine(scratch, "out")}", $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}", LongRefresh];
        foreach (var warmUp in new[] { Status(empty), Status(statusBig), Resume(resumeBig) })
        {
            ProgramRunner.EnsureSucceeded(await runner.RunAsync(warmUp, scratch, ct), "warm-up " + warmUp[0]);
        }

        var runs = new Dictionary<string, List<ProcessResult>> { ["status empty"] = [], ["status big"] = [], ["resume empty"] = [], ["resume big"] = [] };
        var firsts = new Dictionary<int, List<double>> { [1] = [], [small] = [], [big] = [] };
        for (var run = 0; run < settings.Runs; run++)
        {
            foreach (var (name, arguments) in new[] { ("status empty", Status(empty)), ("status big", Status(statusBig)), ("resume empty", Resume(empty)), ("resume big", Resume(resumeBig)) })
            {
                var result = ProgramRunner.EnsureSucceeded(await runner.RunAsync(arguments, scratch, ct), name);
                runs[name].Add(result);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {result.Seconds:F2} s ({result.PeakRssMB:F0} MB)"));
            }

            foreach (var (count, pristine) in new[] { (1, pendingOne), (small, pendingSmall), (big, pendingBig) })
            {
                var store = StoreFiles.Copy(pristine, Path.Combine(scratch, "resume-first.db"));
                string[] arguments = ["resume", $"--Store:Path={store}", $"--Output:Directory={Path.Combine(scratch, "out")}", $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}"];
                var took = await ResumeSuite.TimeToFirstRequestAsync(settings, server, arguments, scratch, ct);
                firsts[count].Add(took.TotalSeconds);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  resume {count:N0} pending: first request after {took.TotalSeconds:F2} s"));
            }
        }

        double Median(string name) => Stats.Median(runs[name].Select(r => r.Seconds));
        var startUp = Stats.Median(firsts[1]);
        var peak = runs.Values.SelectMany(r => r).Max(r => r.PeakRssMB);
        var bigName = Size(big);
        var fromInput = await RunFromInputAsync(server, ct);
        var export = await ExportGrowthAsync(ct);
        peak = Math.Max(peak, Math.Max(fromInput.PeakMB, export.PeakMB));
        return
        [
            Ratio($"status {bigName} vs empty ({Median("status big"):F2} s / {Median("status empty"):F2} s)", Median("status big"), Median("status empty"), AnswerRatioTarget, Status(statusBig)),
            Ratio($"resume, nothing due, {bigName} vs empty ({Median("resume big"):F2} s / {Median("resume empty"):F2} s)", Median("resume big"), Median("resume empty"), AnswerRatioTarget, Resume(resumeBig)),
            Ratio(
                $"resume to first lookup, {bigName} vs {Size(small)} pending, start-up ({startUp:F2} s) subtracted",
                Stats.Median(firsts[big]) - startUp,
                Stats.Median(firsts[small]) - startUp,
                GrowthTarget,
                ["resume", "--Store:Path=<copy of a pending store>", "--ThreatCrowd:BaseUrl=<stand-in>"]),
            fromInput.Figure,
            export.Figure,
            new("scale", "peak RSS, every process at every size", F(peak, "F0") + " MB", $"<= {PeakRssTargetMB:F0} MB", peak <= PeakRssTargetMB, runner.Describe(Status(statusBig))),
        ];
    }

    /// <summary>
    /// <c>run</c> from a file into a new store, to its first lookup: the import and the queue together, 4x the rows
    /// against 1x (the import suite's generator), start-up (a file of ten rows) subtracted.
    /// </summary>
    private async Task<(Figure Figure, double PeakMB)> RunFromInputAsync(StandInServer server, CancellationToken ct)
    {
        var (bigSeconds, smallSeconds, startUp, peak) = await RunsFromInput.TimeAsync(
            settings,
            server,
            (_, _) =>
            {
                var scratch = settings.Scratch("scale-run");
                return ([$"--Store:Path={Path.Combine(scratch, "store.db")}", $"--Output:Directory={Path.Combine(scratch, "out")}"], scratch);
            },
            "run from",
            log,
            ct);
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"run from input to first lookup, {Size(settings.ScaleIndicators)} vs {Size(settings.ScaleIndicators / 4)} rows ({bigSeconds:F2} s / {smallSeconds:F2} s, start-up {startUp:F2} s subtracted)");
        return (Ratio(name, bigSeconds, smallSeconds, GrowthTarget, RunsFromInput.Shown(settings, "--Store:Path=<new>/store.db", "--Output:Directory=<new>/out")), peak);
    }

    /// <summary>The export verb on a store of 4x the answers and relations against the export suite's store, plain times.</summary>
    private async Task<(Figure Figure, double PeakMB)> ExportGrowthAsync(CancellationToken ct)
    {
        var (answers, relations) = (settings.ExportIndicators, settings.ExportRelations);
        var stores = new[]
        {
            AnsweredStore.Ensure(settings.DataDirectory, settings.Seed, answers, relations),
            AnsweredStore.Ensure(settings.DataDirectory, settings.Seed, answers * 4, relations * 4),
        };
        var seconds = new[] { new List<double>(), new List<double>() };
        double peak = 0;
        string[] arguments = [];
        for (var run = 0; run < settings.Runs; run++)
        {
            for (var size = 0; size < stores.Length; size++)
            {
                // A fresh copy each time: an export moves the store's snapshot on, and the next one on the same file
                // would find nothing changed. Every figure is a first export, which records every relation as added.
                var scratch = settings.Scratch("scale-export");
                var store = StoreFiles.Copy(stores[size], Path.Combine(scratch, "store.db"));
                arguments = ["export", $"--Store:Path={store}", $"--Output:Directory={Path.Combine(scratch, "out")}"];
                var result = ProgramRunner.EnsureSucceeded(await runner.RunAsync(arguments, scratch, ct), "export");
                seconds[size].Add(result.Seconds);
                peak = Math.Max(peak, result.PeakRssMB);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  export {Size(answers * (size == 0 ? 1 : 4))} answers: {result.Seconds:F2} s ({result.PeakRssMB:F0} MB)"));
            }
        }

        var (small, big) = (Stats.Median(seconds[0]), Stats.Median(seconds[1]));
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"export, {Size(answers * 4)} answers / {Size(relations * 4)} relations vs {Size(answers)} / {Size(relations)} ({big:F2} s / {small:F2} s)");
        return (Ratio(name, big, small, GrowthTarget, arguments), peak);
    }

    private Figure Ratio(string name, double numerator, double divisor, double target, IReadOnlyList<string> arguments) =>
        Figure.Ratio("scale", name, numerator, divisor, target, runner.Describe(arguments.Select(a => a.Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal)).ToList()));

    private static string Size(int count) => count >= 1_000_000 ? F(count / 1e6, "0.##") + "M" : F(count / 1e3, "0.##") + "k";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
