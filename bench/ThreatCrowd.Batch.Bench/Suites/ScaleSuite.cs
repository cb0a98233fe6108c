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
/// the page cache is warm alike for every size.
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
        var growth = (Stats.Median(firsts[big]) - startUp) / (Stats.Median(firsts[small]) - startUp);
        var statusRatio = Median("status big") / Median("status empty");
        var resumeRatio = Median("resume big") / Median("resume empty");
        var peak = runs.Values.SelectMany(r => r).Max(r => r.PeakRssMB);
        var bigName = Size(big);
        return
        [
            Ratio($"status {bigName} vs empty ({Median("status big"):F2} s / {Median("status empty"):F2} s)", statusRatio, AnswerRatioTarget, Status(statusBig)),
            Ratio($"resume, nothing due, {bigName} vs empty ({Median("resume big"):F2} s / {Median("resume empty"):F2} s)", resumeRatio, AnswerRatioTarget, Resume(resumeBig)),
            Ratio(
                $"resume to first lookup, {bigName} vs {Size(small)} pending, start-up ({startUp:F2} s) subtracted",
                growth,
                GrowthTarget,
                ["resume", "--Store:Path=<copy of a pending store>", "--ThreatCrowd:BaseUrl=<stand-in>"]),
            new("scale", "status and resume: peak RSS", F(peak, "F0") + " MB", $"<= {PeakRssTargetMB:F0} MB", peak <= PeakRssTargetMB, runner.Describe(Status(statusBig))),
        ];
    }

    private Figure Ratio(string name, double ratio, double target, IReadOnlyList<string> arguments) =>
        new("scale", name, F(ratio, "F2") + "x", $"<= {target:F1}x", ratio <= target, runner.Describe(arguments.Select(a => a.Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal)).ToList()));

    private static string Size(int count) => count >= 1_000_000 ? F(count / 1e6, "0.##") + "M" : F(count / 1e3, "0.##") + "k";

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
