using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class TableAtomicityTests
{
    private const string OldCsv = "indicator,type,relation,related,related_type,last_resolved,looked_up_at\nold,row,,,,,\n";
    private const string OldJson = "{\"old\":true}\n";

    [Fact]
    public async Task A_successful_write_replaces_both_files_and_reports_them()
    {
        using var folder = new TempDirectory();
        await WriteOldTableAsync(folder);

        var written = await RelationsTable.WriteAsync(folder.Path, SampleRows.Relations(), withJson: true, CancellationToken.None);

        written.ShouldBe(new TableWritten("threatcrowd_relations", written.Paths, 9));
        written.Paths.ShouldBe([folder.File("threatcrowd_relations.csv"), folder.File("threatcrowd_relations.json")]);
        folder.File("threatcrowd_relations.csv").ShouldMatchGolden("threatcrowd_relations.csv");
        folder.File("threatcrowd_relations.json").ShouldMatchGolden("threatcrowd_relations.json");
        folder.FileNames().ShouldBe(["threatcrowd_relations.csv", "threatcrowd_relations.json"]);
    }

    [Fact]
    public async Task Rows_that_fail_mid_way_leave_both_old_files_and_no_temporary_file()
    {
        using var folder = new TempDirectory();
        await WriteOldTableAsync(folder);

        await Should.ThrowAsync<InvalidOperationException>(
            () => RelationsTable.WriteAsync(folder.Path, RowsThenFailure(50_000), withJson: true, CancellationToken.None));

        await ShouldHoldOldTableAsync(folder);
    }

    [Fact]
    public async Task Cancellation_mid_way_leaves_both_old_files_and_no_temporary_file()
    {
        using var folder = new TempDirectory();
        await WriteOldTableAsync(folder);
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(
            () => RelationsTable.WriteAsync(folder.Path, RowsThenCancel(50_000, cts), withJson: true, cts.Token));

        await ShouldHoldOldTableAsync(folder);
    }

    private static IEnumerable<RelationRow> RowsThenFailure(int count)
    {
        foreach (var row in Rows(count))
        {
            yield return row;
        }

        throw new InvalidOperationException("The store went away.");
    }

    private static IEnumerable<RelationRow> RowsThenCancel(int count, CancellationTokenSource cts)
    {
        foreach (var row in Rows(count))
        {
            yield return row;
        }

        cts.Cancel();
        yield return Rows(1).Single();
    }

    // Enough rows that both writers have handed data to their temporary files before the failure.
    private static IEnumerable<RelationRow> Rows(int count) =>
        Enumerable.Range(0, count).Select(i => SampleRows.Relations()[i % 9]);

    private static async Task WriteOldTableAsync(TempDirectory folder)
    {
        await File.WriteAllTextAsync(folder.File("threatcrowd_relations.csv"), OldCsv);
        await File.WriteAllTextAsync(folder.File("threatcrowd_relations.json"), OldJson);
    }

    private static async Task ShouldHoldOldTableAsync(TempDirectory folder)
    {
        (await File.ReadAllTextAsync(folder.File("threatcrowd_relations.csv"))).ShouldBe(OldCsv);
        (await File.ReadAllTextAsync(folder.File("threatcrowd_relations.json"))).ShouldBe(OldJson);
        folder.FileNames().ShouldBe(["threatcrowd_relations.csv", "threatcrowd_relations.json"]);
    }
}
