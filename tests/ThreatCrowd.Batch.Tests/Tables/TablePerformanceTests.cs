using System.Diagnostics;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class TablePerformanceTests
{
    // A quarter of a large run's two million relations (about 150 MB of CSV and JSON), to keep the suite quick. Writing
    // them, flush to disk included, takes a few seconds; fifteen leaves room for a slow machine, not for a writer that
    // goes to the disk or the allocator once per row.
    private const int RowCount = 500_000;

    [Fact]
    public async Task Half_a_million_relation_rows_are_written_in_seconds()
    {
        using var folder = new TempFolder();
        var stopwatch = Stopwatch.StartNew();

        var written = await RelationsTable.WriteAsync(folder.Path, Rows(RowCount), CancellationToken.None);

        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        written.Rows.ShouldBe(RowCount);
        File.ReadLines(written.Paths[1]).Count().ShouldBe(RowCount);
    }

    private static IEnumerable<RelationRow> Rows(int count)
    {
        var samples = SampleRows.Relations();
        for (var i = 0; i < count; i++)
        {
            yield return samples[i % samples.Length];
        }
    }
}
