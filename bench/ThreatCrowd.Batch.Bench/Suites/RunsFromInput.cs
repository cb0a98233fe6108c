using System.Globalization;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// <c>run</c> from an input file into a new store until its first request reaches the stand-in, on the import suite's
/// files of 10 rows (start-up), of a quarter of the scale size and of the whole: the medians with start-up subtracted,
/// and the highest peak RSS. Each store (an SQLite file, a PostgreSQL database) is made by the caller per run.
/// </summary>
internal static class RunsFromInput
{
    /// <param name="newStore">For a row count and a run: the store's arguments and the folder the program runs in.</param>
    /// <param name="label">Before each logged line ("run from", "postgres run from").</param>
    public static async Task<(double Big, double Small, double StartUp, double PeakMB)> TimeAsync(
        BenchSettings settings, StandInServer server, Func<int, int, (string[] Store, string Scratch)> newStore, string label, TextWriter log, CancellationToken ct)
    {
        var (small, big) = (settings.ScaleIndicators / 4, settings.ScaleIndicators);
        var files = new[] { 10, small, big }.ToDictionary(rows => rows, rows => ImportCsvFile.Ensure(settings.DataDirectory, settings.Seed, rows));
        var firsts = files.Keys.ToDictionary(rows => rows, _ => new List<double>());
        double peak = 0;
        for (var run = 0; run < settings.Runs; run++)
        {
            foreach (var (rows, csv) in files)
            {
                var (store, scratch) = newStore(rows, run);
                string[] arguments = ["run", "--input", csv, .. store, $"--ThreatCrowd:BaseUrl={server.ApiBaseUrl}", "--Sources:DefaultFeeds=false"];
                var (took, peakKiB) = await ResumeSuite.FirstRequestAsync(settings, server, arguments, scratch, TimeSpan.FromMinutes(15), ct);
                firsts[rows].Add(took.TotalSeconds);
                peak = Math.Max(peak, peakKiB * 1024 / 1e6);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} {rows:N0} rows: first request after {took.TotalSeconds:F2} s ({peakKiB * 1024 / 1e6:F0} MB)"));
            }
        }

        var startUp = Stats.Median(firsts[10]);
        return (Stats.Median(firsts[big]) - startUp, Stats.Median(firsts[small]) - startUp, startUp, peak);
    }

    /// <summary>The command as the record shows it: the input named by its generator's pattern.</summary>
    public static string[] Shown(BenchSettings settings, params string[] store) =>
        ["run", "--input", "artifacts/bench/data/import-<rows>-seed" + settings.Seed.ToString(CultureInfo.InvariantCulture) + ".csv", .. store, "--Sources:DefaultFeeds=false"];
}
