using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvIndicatorReaderColumnTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly CsvIndicatorReader reader = new();

    public void Dispose() => directory.Dispose();

    private List<SourceEntry> Read(string text)
    {
        var path = directory.WriteText("input.csv", text);
        return [.. reader.Read(path)];
    }

    [Fact]
    public void A_generic_column_is_read_with_the_type_column_as_hint_and_other_columns_ignored()
    {
        var path = directory.WriteText("demo.csv", "comment,indicator,type\nfirst,aoldaily[.]com,\nsecond,plugx,antivirus\n");

        reader.Read(path).ShouldBe(
        [
            new SourceEntry(path, 2, "aoldaily[.]com", null),
            new SourceEntry(path, 3, "plugx", "antivirus"),
        ]);
    }

    [Theory]
    [InlineData("indicator")]
    [InlineData("ioc")]
    [InlineData("value")]
    [InlineData("observable")]
    [InlineData("IOC")]
    [InlineData("  Value  ")]
    public void Each_generic_column_name_is_recognized(string header)
    {
        var entries = Read($"first_seen,{header}\n2024-01-01,evil.com\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "evil.com", null)]);
    }

    [Theory]
    [InlineData("domain")]
    [InlineData("ip")]
    [InlineData("email")]
    [InlineData("md5")]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("hash")]
    [InlineData("antivirus")]
    [InlineData("url")]
    [InlineData("ip_address")]
    [InlineData("hostname")]
    [InlineData("file_hash")]
    public void A_column_named_after_a_type_gives_that_type_as_hint(string header)
    {
        var entries = Read($"first_seen,{header}\n2024-01-01,x1\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "x1", header)]);
    }

    [Fact]
    public void Typed_column_names_are_matched_without_case_and_given_as_lower_case_hints()
    {
        var entries = Read(" MD5 ,Domain\nabc,evil.com\n");

        entries.Select(entry => (entry.Value, entry.TypeHint)).ShouldBe([("abc", "md5"), ("evil.com", "domain")]);
    }

    [Fact]
    public void Every_typed_column_is_read_and_empty_cells_are_skipped()
    {
        var entries = Read("ip,domain,md5,comment\n1.2.3.4,evil.com,,x\n,,d41d8cd98f00b204e9800998ecf8427e,y\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe(
        [
            (2L, "1.2.3.4", "ip"),
            (2L, "evil.com", "domain"),
            (3L, "d41d8cd98f00b204e9800998ecf8427e", "md5"),
        ]);
    }

    [Fact]
    public void A_generic_column_wins_over_typed_columns()
    {
        var entries = Read("domain,indicator\nignored.com,evil.com\n");

        entries.Select(entry => entry.Value).ShouldBe(["evil.com"]);
    }

    [Fact]
    public void Without_a_header_the_first_column_is_the_value()
    {
        var entries = Read("evil.com\n1.2.3.4\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe([(1L, "evil.com", (string?)null), (2L, "1.2.3.4", null)]);
    }

    [Fact]
    public void Without_a_header_a_second_column_naming_a_type_is_the_hint()
    {
        var entries = Read("evil.com,domain\nplugx,antivirus\n1.2.3.4,seen on the proxy\n");

        entries.Select(entry => (entry.Value, entry.TypeHint)).ShouldBe(
            [("evil.com", "domain"), ("plugx", "antivirus"), ("1.2.3.4", (string?)null)]);
    }

    [Fact]
    public void A_first_row_naming_a_type_after_a_value_of_another_type_is_a_header()
    {
        var entries = Read("first_seen,domain\n2024-01-01,evil.com\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.TypeHint)).ShouldBe([(2L, "evil.com", "domain")]);
    }

    [Fact]
    public void A_header_of_unknown_names_is_read_as_data()
    {
        var entries = Read("IOC Value,Notes\nevil.com,x\n");

        entries.Select(entry => (entry.Line, entry.Value)).ShouldBe([(1L, "IOC Value"), (2L, "evil.com")]);
    }

    [Fact]
    public void A_header_that_names_no_indicator_column_is_reported_once()
    {
        var path = directory.WriteText("input.csv", "comment,type\nx,domain\ny,ip\n");

        var entries = reader.Read(path).ToList();

        entries.Count.ShouldBe(1);
        entries[0].Line.ShouldBe(1);
        entries[0].Problem.ShouldBe(CsvColumnLayout.NoValueColumns);
    }

    [Fact]
    public void An_empty_indicator_cell_gives_a_problem_entry()
    {
        var entries = Read("indicator,comment\n,no value here\nevil.com,x\n");

        entries[0].ShouldBe(new SourceEntry(entries[0].Source, 2, "", null, "no value in column \"indicator\""));
        entries[1].Value.ShouldBe("evil.com");
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_gives_a_problem_entry()
    {
        var entries = Read("comment,IOC\njust a comment\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "", null, "no value in column \"IOC\"")]);
    }

    [Fact]
    public void A_row_with_all_typed_cells_empty_gives_one_problem_naming_the_columns()
    {
        var entries = Read("domain,ip,comment\n,,only a comment\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "", null, "no value in columns \"domain\", \"ip\"")]);
    }

    [Fact]
    public void Extra_cells_beyond_the_header_are_ignored()
    {
        var entries = Read("indicator\nevil.com,extra,cells\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "evil.com", null)]);
    }

    [Fact]
    public void An_empty_type_cell_gives_no_hint_and_a_type_cell_is_trimmed()
    {
        var entries = Read("indicator,type\nevil.com,\nplugx, antivirus \n");

        entries.Select(entry => entry.TypeHint).ShouldBe([null, "antivirus"]);
    }
}
