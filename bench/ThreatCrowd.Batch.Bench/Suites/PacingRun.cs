using ThreatCrowd.Batch.Bench.Measure;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The request starts of one paced run, reduced: the smallest gap, the overshoot of the gaps past the interval,
/// and the efficiency, the share of the allowance used: (requests - 1) intervals over the time from the first
/// start to the last. 100 % means every request started the very moment it was allowed to. Requests the server
/// turned away count in the gaps but not in the allowance used: they got nothing.
/// </summary>
internal sealed record PacingRun(int Requests, double MinGapMs, double MedianOvershootMs, double P99OvershootMs, double Efficiency)
{
    public static PacingRun From(IReadOnlyList<DateTimeOffset> starts, TimeSpan interval, int turnedAway = 0)
    {
        if (starts.Count < 2)
        {
            throw new InvalidOperationException($"the paced run made {starts.Count} requests; at least two are needed to measure gaps.");
        }

        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        var intervalMs = interval.TotalMilliseconds;
        var overshoots = gaps.Select(g => g - intervalMs).ToList();
        var span = (starts[^1] - starts[0]).TotalMilliseconds;
        return new PacingRun(
            starts.Count, gaps.Min(), Stats.Median(overshoots), Stats.Percentile(overshoots, 99), (gaps.Count - turnedAway) * intervalMs / span);
    }
}
