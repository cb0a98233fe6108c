using ThreatCrowd.Batch.Inputs;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvIndicatorReaderHeaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvIndicatorReader _reader = new();

    public void Dispose() => _directory.Dispose();

    private List<SourceEntry> Read(string text)
    {
        var path = _directory.Write("input.csv", text);
        return [.. _reader.Read(path)];
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
        var entries = Read("Thing,Notes\nevil.com,x\n");

        entries.Select(entry => (entry.Line, entry.Value)).ShouldBe([(1L, "Thing"), (2L, "evil.com")]);
    }

    [Fact]
    public void A_header_that_names_no_indicator_column_is_reported_once()
    {
        var path = _directory.Write("input.csv", "comment,type\nx,domain\ny,ip\n");

        var entries = _reader.Read(path).ToList();

        entries.Count.ShouldBe(1);
        entries[0].Line.ShouldBe(1);
        entries[0].Problem.ShouldBe(CsvColumnLayout.NoValueColumns);
    }

    [Fact]
    public void An_empty_or_placeholder_indicator_cell_is_a_blank_counted_but_not_rejected()
    {
        var entries = Read("indicator,comment\n,no value here\nevil.com,x\n-,dash\nN/A,x\nnull,x\nNone,x\n");

        entries.Select(entry => (entry.Line, entry.Value, entry.Problem, entry.Skipped)).ShouldBe(
        [
            (2L, "", null, CsvColumnLayout.NoValue),
            (3L, "evil.com", null, null),
            (4L, "", null, CsvColumnLayout.NoValue),
            (5L, "", null, CsvColumnLayout.NoValue),
            (6L, "", null, CsvColumnLayout.NoValue),
            (7L, "", null, CsvColumnLayout.NoValue),
        ]);
    }

    [Fact]
    public void A_row_with_fewer_cells_than_the_header_gives_a_problem_entry()
    {
        var entries = Read("comment,IOC\njust a comment\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "", null, "no value in column \"IOC\"")]);
    }

    [Fact]
    public void A_row_too_short_to_reach_the_typed_columns_gives_one_problem_naming_the_columns()
    {
        var entries = Read("comment,domain,ip\nonly a comment\n");

        entries.ShouldBe([new SourceEntry(entries[0].Source, 2, "", null, "no value in columns \"domain\", \"ip\"")]);
    }
}
