using BenchmarkDotNet.Attributes;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Bench.Micro;

/// <summary>Classifying the values of an import, the work the reading thread does for every row.</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private const int Values = 10_000;

    private readonly IndicatorClassifier _classifier = new();
    private (string Value, string? Hint)[] _values = [];

    [GlobalSetup]
    public void Setup() =>
        _values = Enumerable.Range(0, Values)
            .Select(i => i % 100 == 0 ? (IndicatorValues.Invalid(42, i), (string?)null) : Hinted(IndicatorValues.Valid(42, i)))
            .ToArray();

    [Benchmark(OperationsPerInvoke = Values)]
    public int ClassifyMixedValues()
    {
        var accepted = 0;
        foreach (var (value, hint) in _values)
        {
            if (_classifier.Classify(value, hint).IsAccepted)
            {
                accepted++;
            }
        }

        return accepted;
    }

    private static (string, string?) Hinted((string Value, string TypeCell) row) => (row.Value, row.TypeCell.Length == 0 ? null : row.TypeCell);
}
