using BenchmarkDotNet.Attributes;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Bench.Micro;

/// <summary>Formatting one timestamp, done once or twice for every row of every table.</summary>
[MemoryDiagnoser]
public class TableFormatBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 13, 5, 9, TimeSpan.Zero);

    [Benchmark]
    public int FormatTimestamp()
    {
        Span<char> text = stackalloc char[TableFormat.TimestampLength];
        return TableFormat.FormatTimestamp(At, text);
    }

    [Benchmark(Baseline = true)]
    public bool FormatWithCustomFormatString()
    {
        Span<char> text = stackalloc char[TableFormat.TimestampLength];
        return At.TryFormat(text, out _, TableFormat.Timestamp, System.Globalization.CultureInfo.InvariantCulture);
    }
}
