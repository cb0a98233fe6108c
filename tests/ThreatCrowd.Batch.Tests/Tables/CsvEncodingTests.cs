using System.Text;
using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class CsvEncodingTests
{
    [Fact]
    public async Task A_csv_starts_with_its_header_and_no_byte_order_mark()
    {
        using var folder = new TempDirectory();

        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(folder.File("threatcrowd_indicators.csv"));
        bytes.AsSpan(0, 16).ToArray().ShouldBe(Encoding.ASCII.GetBytes("indicator,type,s"));
    }

    [Fact]
    public async Task Non_ascii_text_is_written_as_utf8()
    {
        using var folder = new TempDirectory();

        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(folder.File("threatcrowd_indicators.csv"));
        bytes.AsSpan().IndexOf("b\u00FCcher.example"u8).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Records_end_with_lf_and_no_cr_appears_anywhere()
    {
        using var folder = new TempDirectory();

        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);
        await RelationsTable.WriteAsync(folder.Path, SampleRows.Relations(), withJson: true, CancellationToken.None);
        await RejectsTable.WriteAsync(folder.Path, SampleRows.Rejects(), CancellationToken.None);

        foreach (var name in folder.FileNames())
        {
            var bytes = await File.ReadAllBytesAsync(folder.File(name));
            bytes.ShouldNotContain((byte)'\r', name);
            bytes[^1].ShouldBe((byte)'\n', name);
        }
    }

    [Fact]
    public async Task Tables_without_rows_still_have_their_header_and_an_empty_json_file()
    {
        using var folder = new TempDirectory();

        var indicators = await IndicatorsTable.WriteAsync(folder.Path, [], withJson: true, CancellationToken.None);
        var relations = await RelationsTable.WriteAsync(folder.Path, [], withJson: true, CancellationToken.None);
        var rejects = await RejectsTable.WriteAsync(folder.Path, [], CancellationToken.None);

        (await File.ReadAllTextAsync(folder.File("threatcrowd_indicators.csv"))).ShouldBe(
            "indicator,type,status,votes,verdict,in_feed,resolutions,hashes,emails,subdomains,domains,ips,references,scans,"
            + "md5,sha1,permalink,sources,depth,first_imported_at,looked_up_at,context\n");
        (await File.ReadAllTextAsync(folder.File("threatcrowd_relations.csv"))).ShouldBe(
            "indicator,type,relation,related,related_type,last_resolved,looked_up_at\n");
        (await File.ReadAllTextAsync(folder.File("rejects.csv"))).ShouldBe("source,line,value,reason\n");
        new FileInfo(folder.File("threatcrowd_indicators.json")).Length.ShouldBe(0);
        new FileInfo(folder.File("threatcrowd_relations.json")).Length.ShouldBe(0);
        (indicators.Rows, relations.Rows, rejects.Rows).ShouldBe((0L, 0L, 0L));
    }
}
