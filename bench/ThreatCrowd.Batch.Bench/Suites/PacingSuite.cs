using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Runs the program's <c>resume</c> over a queue of pending indicators against a strict stand-in hosted here (429
/// with Retry-After to any request arriving sooner than the interval after the previous one), and reads the
/// arrival times from the stand-in's log: the spacing a server-side rate limiter sees. Three scenarios: one process
/// at the short interval, processes started one after another (each first request on a cold HTTP stack, after the
/// previous process's last one), and one process at the service's own ten seconds (not with --quick).
/// </summary>
internal sealed class PacingSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double ShortIntervalTarget = 0.95;
    public const double ServiceIntervalTarget = 0.99;

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var interval = settings.PacingInterval;
        var pristine = PendingStore.Ensure(settings.DataDirectory, settings.Seed, settings.PacedLookups + (2 * settings.PacedRestarts) + 50);
        var steady = new List<(PacingRun Run, int TurnedAway)>();
        var restarts = new List<(PacingRun Run, int TurnedAway)>();
        var command = "";
        var restartCommand = "";
        for (var run = 0; run < settings.Runs; run++)
        {
            (var measured, command) = await MeasureAsync(pristine, interval, [settings.PacedLookups], $"steady-{run + 1}", ct);
            steady.Add(measured);
            (measured, restartCommand) = await MeasureAsync(pristine, interval, Enumerable.Repeat(2, settings.PacedRestarts).ToList(), $"restarts-{run + 1}", ct);
            restarts.Add(measured);
        }

        var intervalMs = interval.TotalMilliseconds;
        var minGap = steady.Min(r => r.Run.MinGapMs);
        var minRestartGap = restarts.Min(r => r.Run.MinGapMs);
        var turnedAway = steady.Sum(r => r.TurnedAway) + restarts.Sum(r => r.TurnedAway);
        var used = Stats.Median(steady.Select(r => r.Run.Efficiency));
        var seconds = F(interval.TotalSeconds, "0.###");
        List<Figure> figures =
        [
            new("pacing", $"arrivals per run of {settings.PacedLookups} lookups at {seconds} s", F(steady[0].Run.Requests, "N0"), "", null, command),
            new("pacing", $"smallest arrival gap, one process, {seconds} s", F(minGap, "F1") + " ms", $">= {intervalMs:F0} ms", minGap >= intervalMs, command),
            new("pacing", $"smallest arrival gap across {settings.PacedRestarts} restarts", F(minRestartGap, "F1") + " ms", $">= {intervalMs:F0} ms", minRestartGap >= intervalMs, restartCommand + $"  (x{settings.PacedRestarts}, one after another)"),
            new("pacing", "requests turned away (429), all runs", F(turnedAway, "N0"), "0", turnedAway == 0, command),
            new("pacing", "median overshoot", F(Stats.Median(steady.Select(r => r.Run.MedianOvershootMs)), "F3") + " ms", "", null, command),
            new("pacing", $"allowance used at {seconds} s", F(used * 100, "F2") + " %", $">= {ShortIntervalTarget * 100:F0} %", used >= ShortIntervalTarget, command),
        ];
        if (settings.ServicePacedLookups > 0)
        {
            var (service, serviceCommand) = await MeasureAsync(pristine, settings.ServiceInterval, [settings.ServicePacedLookups], "service", ct);
            figures.Add(new("pacing", $"allowance used at {settings.ServiceInterval.TotalSeconds:F0} s ({service.Run.Requests} requests)", F(service.Run.Efficiency * 100, "F2") + " %",
                $">= {ServiceIntervalTarget * 100:F0} %", service.Run.Efficiency >= ServiceIntervalTarget && service.TurnedAway == 0, serviceCommand));
        }

        return figures;
    }

    /// <summary>One process per entry of <paramref name="lookupsPerProcess"/>, one after another, on one store and one strict stand-in.</summary>
    private async Task<((PacingRun Run, int TurnedAway) Measured, string Command)> MeasureAsync(
        string pristine, TimeSpan interval, IReadOnlyList<int> lookupsPerProcess, string name, CancellationToken ct)
    {
        var scratch = settings.Scratch("pacing-" + name);
        var arrivals = Path.Combine(scratch, "arrivals.txt");
        var store = StoreFiles.Copy(pristine, Path.Combine(scratch, "store.db"));
        await using var server = await StandInServer.StartAsync(
            new StandInOptions(settings.FixtureDirectory) { StrictInterval = interval, ArrivalLogPath = arrivals }, ct);
        List<string> arguments = [];
        foreach (var lookups in lookupsPerProcess)
        {
            arguments =
            [
                "resume", "--max-lookups", lookups.ToString(CultureInfo.InvariantCulture), $"--Store:Path={store}",
                $"--Output:Directory={Path.Combine(scratch, "out")}", $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}",
                $"--ThreatCrowd:RequestInterval={interval:c}",
            ];
            ProgramRunner.EnsureSucceeded(await runner.RunAsync(arguments, scratch, ct), "resume");
        }

        var arrived = ArrivalLog.Read(arrivals);
        var measured = PacingRun.From(arrived.Arrivals, interval, arrived.TurnedAway);
        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  pacing {name}: {arrived.Arrivals.Count} arrivals, {arrived.TurnedAway} turned away, min gap {measured.MinGapMs:F1} ms, median overshoot {measured.MedianOvershootMs:F3} ms, allowance used {measured.Efficiency:P2}"));
        var command = runner.Describe(arguments.Select(a => a.Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal)).ToList());
        return ((measured, arrived.TurnedAway), command);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
