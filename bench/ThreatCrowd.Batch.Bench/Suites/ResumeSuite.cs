using System.Diagnostics;
using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Starts the program's <c>resume</c> on a store where every one of a million indicators is due and measures the
/// time from starting the process to the first request arriving at the stand-in hosted here: a plain resume, which
/// loads the whole queue before asking. The process is then stopped: what it does after its first request is not
/// what is measured, and each run gets a fresh copy of the store.
/// </summary>
internal sealed class ResumeSuite(BenchSettings settings, ProgramRunner runner, TextWriter log)
{
    public const double TargetSeconds = 1.0;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<Figure>> RunAsync(CancellationToken ct)
    {
        var pristine = PendingStore.Ensure(settings.DataDirectory, settings.Seed, settings.ResumeIndicators);
        await using var server = await StandInServer.StartAsync(new StandInOptions(settings.FixtureDirectory), ct);
        var seconds = new List<double>();
        IReadOnlyList<string> arguments = [];
        for (var run = 0; run < settings.Runs; run++)
        {
            var scratch = settings.Scratch("resume");
            var store = StoreFiles.Copy(pristine, Path.Combine(scratch, "store.db"));
            arguments = ["resume", $"--Store:Path={store}", $"--Output:Directory={Path.Combine(scratch, "out")}", $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}"];
            var took = await TimeToFirstRequestAsync(settings, server, arguments, scratch, ct);
            seconds.Add(took.TotalSeconds);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  resume {settings.ResumeIndicators:N0} due: first request after {took.TotalSeconds:F3} s"));
        }

        var median = Stats.Median(seconds);
        var command = runner.Describe(arguments.Select(a => a.Replace(settings.WorkDirectory, "artifacts/bench", StringComparison.Ordinal)).ToList());
        return
        [
            new(
                "resume",
                string.Create(CultureInfo.InvariantCulture, $"{settings.ResumeIndicators / 1000:N0}k due: start to first request"),
                median.ToString("F3", CultureInfo.InvariantCulture) + " s",
                $"<= {TargetSeconds:F0} s",
                median <= TargetSeconds,
                command),
        ];
    }

    /// <summary>From starting the program with these arguments to the first lookup arriving at the stand-in; the process is then stopped.</summary>
    public static async Task<TimeSpan> TimeToFirstRequestAsync(BenchSettings settings, StandInServer server, IReadOnlyList<string> arguments, string scratch, CancellationToken ct) =>
        (await FirstRequestAsync(settings, server, arguments, scratch, Limit, ct)).Took;

    /// <summary>
    /// As <see cref="TimeToFirstRequestAsync"/>, with the process's peak resident set up to that moment (the kernel's
    /// high-water mark, VmHWM, read just before it is stopped) and the longest wait allowed.
    /// </summary>
    public static async Task<(TimeSpan Took, long PeakRssKiB)> FirstRequestAsync(
        BenchSettings settings, StandInServer server, IReadOnlyList<string> arguments, string scratch, TimeSpan limit, CancellationToken ct)
    {
        var before = server.Requests.Count;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(settings.ProgramPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The stand-in stamps arrivals with the system clock: the same clock read here just before the start.
        var startedAt = DateTimeOffset.UtcNow;
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var first = server.Requests.Skip(before).FirstOrDefault(r => r.Path.StartsWith("/searchApi/", StringComparison.Ordinal));
                if (first is not null)
                {
                    return (first.At - startedAt, ChildProcess.ReadHighWaterMark(process.Id));
                }

                if (process.HasExited || waited.Elapsed > limit)
                {
                    throw new InvalidOperationException($"{arguments[0]} ended (or hung) before its first request; exit code {(process.HasExited ? process.ExitCode : -1)}.");
                }

                await Task.Delay(1, ct);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(ct);
        }
    }
}
