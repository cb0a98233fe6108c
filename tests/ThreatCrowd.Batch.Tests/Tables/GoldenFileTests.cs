using System.Text;
using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class GoldenFileTests
{
    [Fact]
    public async Task The_indicators_table_matches_its_golden_files()
    {
        using var folder = new TempDirectory();

        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);

        folder.File("threatcrowd_indicators.csv").ShouldMatchGolden("threatcrowd_indicators.csv");
        folder.File("threatcrowd_indicators.json").ShouldMatchGolden("threatcrowd_indicators.json");
    }

    [Fact]
    public async Task The_relations_table_matches_its_golden_files()
    {
        using var folder = new TempDirectory();

        await RelationsTable.WriteAsync(folder.Path, SampleRows.Relations(), withJson: true, CancellationToken.None);

        folder.File("threatcrowd_relations.csv").ShouldMatchGolden("threatcrowd_relations.csv");
        folder.File("threatcrowd_relations.json").ShouldMatchGolden("threatcrowd_relations.json");
    }

    [Fact]
    public async Task The_rejects_table_matches_its_golden_file_and_has_no_json()
    {
        using var folder = new TempDirectory();

        await RejectsTable.WriteAsync(folder.Path, SampleRows.Rejects(), CancellationToken.None);

        folder.File("rejects.csv").ShouldMatchGolden("rejects.csv");
        folder.FileNames().ShouldBe(["rejects.csv"]);
    }

    [Fact]
    public void A_difference_is_reported_with_its_first_differing_line_made_visible()
    {
        var message = GoldenFile.Describe(
            "t.csv",
            Encoding.UTF8.GetBytes("a,b\n1,2\n3,4\n"),
            Encoding.UTF8.GetBytes("a,b\n1,2\r\n3,4\n"));

        message.ShouldContain("line 2");
        message.ShouldContain("expected: 1,2\n");
        message.ShouldContain("actual:   1,2\\r");
    }
}
