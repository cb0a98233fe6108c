namespace ThreatCrowd.Batch.Bench.Measure;

/// <summary>One child process run: its wall time from start to exit, its peak resident set, and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Elapsed, long PeakRssKiB, string Output, string Error)
{
    public double Seconds => Elapsed.TotalSeconds;

    /// <summary>Peak RSS in megabytes (10^6 bytes), the unit the targets are set in.</summary>
    public double PeakRssMB => PeakRssKiB * 1024 / 1e6;
}
