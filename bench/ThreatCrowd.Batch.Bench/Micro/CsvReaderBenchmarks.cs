using BenchmarkDotNet.Attributes;
using ThreatCrowd.Batch.Bench.Data;
using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Bench.Micro;

/// <summary>Reading a SIEM export's rows into entries, before any classifying.</summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private const int Rows = 100_000;

    private string _file = "";

    [GlobalSetup]
    public void Setup() => _file = ImportCsvFile.Ensure(Path.Combine(Path.GetTempPath(), "tcb-bench-micro"), 42, Rows);

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ReadEntries()
    {
        long entries = 0;
        foreach (var _ in new CsvIndicatorReader().Read(_file))
        {
            entries++;
        }

        return entries;
    }
}
