using System.Text.Json;
using ThreatCrowd.Batch.Tests.Tables;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>What a SIEM reads back from a run over the real fixtures: strict CSV, one JSON object per line, HEC events.</summary>
public sealed class ExportFormatTests(FixtureExport run) : IClassFixture<FixtureExport>
{
    public static TheoryData<string, string> EnterpriseSecurityHeaders() => new()
    {
        { "threatcrowd_ip_intel.csv", "description,ip,weight" },
        { "threatcrowd_domain_intel.csv", "description,domain,weight" },
        { "threatcrowd_file_intel.csv", "description,file_hash,file_name,weight" },
        { "threatcrowd_email_intel.csv", "description,src_user,subject,weight" },
    };

    [Fact]
    public void Every_csv_reads_back_with_a_strict_rfc_4180_reader_without_bom_or_cr()
    {
        var csvs = run.Files().Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).ToList();

        csvs.Count.ShouldBe(8 + 7, "eight tables, seven of them lookups of the app");
        foreach (var csv in csvs)
        {
            var path = Path.Combine(run.Out, csv);
            var (header, records) = StrictCsv.Read(path);
            header.Length.ShouldBeGreaterThanOrEqualTo(2, csv);
            records.ShouldNotBeEmpty(csv);
            var bytes = File.ReadAllBytes(path);
            bytes.AsSpan().StartsWith("\uFEFF"u8).ShouldBeFalse(csv);
            bytes.ShouldNotContain((byte)'\r', csv);
        }
    }

    [Theory]
    [MemberData(nameof(EnterpriseSecurityHeaders))]
    public void Each_enterprise_security_file_has_exactly_its_header_and_integer_weights_from_1_to_100(string file, string header)
    {
        File.ReadLines(Path.Combine(run.Out, file)).First().ShouldBe(header);
        var (columns, records) = StrictCsv.Read(Path.Combine(run.Out, file));

        foreach (var record in records)
        {
            int.Parse(record[^1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 100, string.Join(",", record));
            record[0].ShouldStartWith("ThreatCrowd: ");
            record[1].ShouldNotBeNullOrEmpty();
        }

        records.Select(r => r[1]).ShouldBeUnique();
        columns[0].ShouldBe("description");
    }

    [Theory]
    [InlineData("threatcrowd_indicators")]
    [InlineData("threatcrowd_relations")]
    [InlineData("threatcrowd_changes")]
    public void Each_json_line_is_one_object_with_the_csv_columns_and_time_and_the_same_rows(string table)
    {
        var (header, records) = StrictCsv.Read(Path.Combine(run.Out, table + ".csv"));
        var lines = File.ReadAllText(Path.Combine(run.Out, table + ".json")).Split('\n');

        lines[^1].ShouldBeEmpty("the file ends with a line break");
        lines.Length.ShouldBe(records.Count + 1);
        for (var i = 0; i < records.Count; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            line.RootElement.ValueKind.ShouldBe(JsonValueKind.Object, $"line {i + 1}");
            line.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe([.. header, "time"], $"line {i + 1}");
            line.RootElement.GetProperty(header[0]).GetString().ShouldBe(records[i][0], $"line {i + 1}");
        }
    }

    [Theory]
    [InlineData("threatcrowd_indicators", "looked_up_at")]
    [InlineData("threatcrowd_relations", "looked_up_at")]
    [InlineData("threatcrowd_changes", "detected_at")]
    public void Each_hec_line_wraps_the_json_line_of_the_table_as_its_event(string table, string timeColumn)
    {
        var rows = File.ReadAllLines(Path.Combine(run.Out, table + ".json"));
        var events = File.ReadAllLines(Path.Combine(run.Out, "hec", table + ".json"));

        events.Length.ShouldBe(rows.Length);
        for (var i = 0; i < events.Length; i++)
        {
            using var hec = JsonDocument.Parse(events[i]);
            var root = hec.RootElement;
            root.EnumerateObject().Select(p => p.Name).ShouldBe(["time", "source", "sourcetype", "index", "event"], $"event {i + 1}");
            (root.GetProperty("source").GetString(), root.GetProperty("sourcetype").GetString(), root.GetProperty("index").GetString())
                .ShouldBe((table, "threatcrowd:hec", "threat_intel"));
            root.GetProperty("event").GetRawText().ShouldBe(rows[i], $"event {i + 1}");
            var when = DateTimeOffset.Parse(root.GetProperty("event").GetProperty(timeColumn).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            root.GetProperty("time").GetInt64().ShouldBe(when.ToUnixTimeSeconds());
        }
    }
}
