using System.Text;
using System.Text.Json;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class JsonLinesTests
{
    private static readonly string[] Counts =
        ["resolutions", "hashes", "emails", "subdomains", "domains", "ips", "references", "scans"];

    [Fact]
    public async Task Each_indicator_line_is_one_object_with_the_csv_columns_in_order_then_time()
    {
        using var folder = new TempDirectory();
        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);
        var (header, _) = StrictCsv.Read(folder.File("threatcrowd_indicators.csv"));

        var lines = await ReadLinesAsync(folder.File("threatcrowd_indicators.json"));

        lines.Count.ShouldBe(SampleRows.Indicators().Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
            document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe([.. header, "time"]);
        }
    }

    [Fact]
    public async Task Indicator_values_have_their_json_types()
    {
        using var folder = new TempDirectory();
        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);

        foreach (var line in await ReadLinesAsync(folder.File("threatcrowd_indicators.json")))
        {
            using var document = JsonDocument.Parse(line);
            var row = document.RootElement;
            row.GetProperty("votes").ValueKind.ShouldBeOneOf(JsonValueKind.Number, JsonValueKind.Null);
            row.GetProperty("in_feed").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
            Counts.ShouldAllBe(name => row.GetProperty(name).ValueKind == JsonValueKind.Number);
            row.GetProperty("md5").ValueKind.ShouldBeOneOf(JsonValueKind.String, JsonValueKind.Null);
            row.GetProperty("first_imported_at").ValueKind.ShouldBe(JsonValueKind.String);
            var lookedUpAt = row.GetProperty("looked_up_at");
            var time = row.GetProperty("time");
            if (lookedUpAt.ValueKind == JsonValueKind.Null)
            {
                time.ValueKind.ShouldBe(JsonValueKind.Null);
            }
            else
            {
                time.GetInt64().ShouldBe(DateTimeOffset.Parse(lookedUpAt.GetString()!, null).ToUnixTimeSeconds());
            }
        }
    }

    [Fact]
    public async Task The_ip_voted_malicious_keeps_its_negative_vote_and_feed_flag()
    {
        using var folder = new TempDirectory();
        await IndicatorsTable.WriteAsync(folder.Path, SampleRows.Indicators(), withJson: true, CancellationToken.None);

        var lines = await ReadLinesAsync(folder.File("threatcrowd_indicators.json"));

        using var document = JsonDocument.Parse(lines[1]);
        document.RootElement.GetProperty("votes").GetInt32().ShouldBe(-1);
        document.RootElement.GetProperty("in_feed").GetBoolean().ShouldBeTrue();
        document.RootElement.GetProperty("time").GetInt64().ShouldBe(1_795_309_220);
    }

    [Fact]
    public async Task Each_relation_line_has_a_numeric_time_and_a_string_or_null_last_resolved()
    {
        using var folder = new TempDirectory();
        await RelationsTable.WriteAsync(folder.Path, SampleRows.Relations(), withJson: true, CancellationToken.None);

        var lines = await ReadLinesAsync(folder.File("threatcrowd_relations.json"));

        lines.Count.ShouldBe(SampleRows.Relations().Length);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.GetProperty("time").ValueKind.ShouldBe(JsonValueKind.Number);
            document.RootElement.GetProperty("last_resolved").ValueKind.ShouldBeOneOf(JsonValueKind.String, JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Readable_characters_are_not_escaped_but_control_characters_are()
    {
        using var folder = new TempDirectory();
        var row = new RelationRow(
            "bücher.example", "domain", "reference", "a&b+c <d> 'e' \"f\" \r\n", "reference", null, SampleRows.LookedUp);

        await RelationsTable.WriteAsync(folder.Path, [row], withJson: true, CancellationToken.None);

        var text = await File.ReadAllTextAsync(folder.File("threatcrowd_relations.json"), Encoding.UTF8);
        text.ShouldContain("\"bücher.example\"");
        text.ShouldContain("""a&b+c <d> 'e' \"f\" \r\n""");
        text.Count(c => c == '\n').ShouldBe(1);
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("related").GetString().ShouldBe(row.Related);
    }

    private static async Task<List<string>> ReadLinesAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8);
        text.ShouldEndWith("\n");
        return [.. text[..^1].Split('\n')];
    }
}
