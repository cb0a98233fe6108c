using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Runs the program's <c>resume</c> over a queue of pending indicators against a stand-in hosted here, at a short
/// interval, and reads the request starts from the stand-in's log. A start is the stand-in's arrival time: later
/// than the program's send by the loopback trip, which varies a little from request to request, so the gaps seen
/// here carry that jitter on top of the program's own pacing.
/// </summary>
internal sealed class PacingSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double MedianOvershootTargetMs = 2.0;
    public const double EfficiencyTarget = 0.99;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var interval = settings.PacingInterval;
        var lookups = settings.PacedLookups;
        var pristine = PendingStore.Ensure(settings.DataDirectory, settings.Seed, lookups + 50);
        var runs = new List<PacingRun>();
        await using var server = await StandInServer.StartAsync(new StandInOptions(settings.FixtureDirectory), ct);
        var arguments = new List<string>();
        for (var run = 0; run < settings.Runs; run++)
        {
            var scratch = settings.Scratch("pacing");
            var store = StoreFiles.Copy(pristine, Path.Combine(scratch, "store.db"));
            var before = server.Requests.Count;
            arguments =
            [
                "resume", "--max-lookups", lookups.ToString(CultureInfo.InvariantCulture), $"--Store:Path={store}",
                $"--Output:Directory={Path.Combine(scratch, "out")}", $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}",
                $"--ThreatCrowd:RequestInterval={interval:c}",
            ];
            ProgramRunner.EnsureSucceeded(await runner.RunAsync(arguments, scratch, ct), "resume");
            var starts = server.Requests.Skip(before).Where(r => r.Path.StartsWith("/searchApi/", StringComparison.Ordinal)).Select(r => r.At).ToList();
            var measured = PacingRun.From(starts, interval);

            // The arrival times themselves, for a closer look at where the gaps stretch or shrink.
            await File.WriteAllLinesAsync(
                Path.Combine(settings.WorkDirectory, "runs", $"pacing-arrivals-{run + 1}.txt"),
                starts.Select(s => s.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "." + (s.UtcTicks % 10_000).ToString("D4", CultureInfo.InvariantCulture)),
                ct);
            runs.Add(measured);
            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  pacing: {starts.Count} requests, min gap {measured.MinGapMs:F3} ms, median overshoot {measured.MedianOvershootMs:F3} ms, p99 {measured.P99OvershootMs:F3} ms, efficiency {measured.Efficiency:P2}"));
        }

        var command = runner.Describe(arguments.Select(a => a.Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal)).ToList());
        var intervalMs = interval.TotalMilliseconds;
        var minGap = runs.Min(r => r.MinGapMs);
        var median = Stats.Median(runs.Select(r => r.MedianOvershootMs));
        var efficiency = Stats.Median(runs.Select(r => r.Efficiency));
        return
        [
            new("pacing", "requests per run", F(runs[0].Requests, "N0"), "", null, command),
            new("pacing", "smallest gap (all runs)", F(minGap, "F3") + " ms", $">= {intervalMs:F0} ms", minGap >= intervalMs, command),
            new("pacing", "median overshoot", F(median, "F3") + " ms", $"<= {MedianOvershootTargetMs:F0} ms", median <= MedianOvershootTargetMs, command),
            new("pacing", "p99 overshoot", F(Stats.Median(runs.Select(r => r.P99OvershootMs)), "F3") + " ms", "", null, command),
            new("pacing", "efficiency", F(efficiency * 100, "F2") + " %", $">= {EfficiencyTarget * 100:F0} %", efficiency >= EfficiencyTarget, command),
        ];
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
