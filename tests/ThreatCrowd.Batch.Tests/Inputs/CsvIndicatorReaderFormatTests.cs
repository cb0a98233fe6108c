using System.Text;
using ThreatCrowd.Batch.Inputs;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvIndicatorReaderFormatTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvIndicatorReader _reader = new();

    public void Dispose() => _directory.Dispose();

    private List<(long Line, string Value, string? TypeHint)> Read(string text) =>
        [.. _reader.Read(_directory.Write("input.csv", text)).Select(entry => (entry.Line, entry.Value, entry.TypeHint))];

    [Theory]
    [InlineData(",")]
    [InlineData(";")]
    [InlineData("\t")]
    public void Comma_semicolon_and_tab_delimiters_are_detected(string delimiter)
    {
        var text = $"comment{delimiter}indicator{delimiter}type\nx y{delimiter}evil.com{delimiter}domain\n";

        Read(text).ShouldBe([(2L, "evil.com", "domain")]);
    }

    [Fact]
    public void The_delimiter_is_sniffed_from_the_first_non_blank_line_ignoring_quoted_text()
    {
        Read("\n\n\"a;b;c;d\",indicator\nx;y,evil.com\n").ShouldBe([(4L, "evil.com", null)]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_does_not_hide_the_header()
    {
        var path = _directory.WriteBytes("bom.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("indicator\nevil.com\n")]);

        _reader.Read(path).ShouldBe([new SourceEntry(path, 2, "evil.com", null)]);
    }

    [Fact]
    public void Crlf_and_lf_line_ends_give_the_same_entries_and_lines()
    {
        var lf = Read("indicator,type\nevil.com,domain\n1.2.3.4,ip\n");
        var crlf = Read("indicator,type\r\nevil.com,domain\r\n1.2.3.4,ip\r\n");

        crlf.ShouldBe(lf);
        crlf.ShouldBe([(2L, "evil.com", "domain"), (3L, "1.2.3.4", "ip")]);
    }

    [Fact]
    public void Quoted_fields_may_hold_delimiters_quotes_and_line_breaks()
    {
        var entries = Read("indicator,comment\n\"evil.com\",\"one, two\"\n\"say \"\"hi\"\".com\",x\n\"multi\nline\",y\n");

        entries.ShouldBe([(2L, "evil.com", null), (3L, "say \"hi\".com", null), (4L, "multi\nline", null)]);
    }

    [Fact]
    public void Line_numbers_after_a_multi_line_quoted_field_are_physical_lines()
    {
        var entries = Read("indicator,comment\nfirst.com,\"a comment\r\nover\r\nthree lines\"\r\nsecond.com,x\r\n");

        entries.ShouldBe([(2L, "first.com", null), (5L, "second.com", null)]);
    }

    [Fact]
    public void Blank_lines_and_rows_of_empty_cells_are_skipped_without_changing_line_numbers()
    {
        var entries = Read("\n\nindicator,type\n\n   \n,,\nevil.com,\n\r\n\"\",\n1.2.3.4,\n");

        entries.ShouldBe([(7L, "evil.com", null), (10L, "1.2.3.4", null)]);
    }

    [Fact]
    public void Values_are_passed_on_as_they_are_in_the_file_but_for_spaces_around_them()
    {
        Read("indicator\n  Evil[.]COM  \n").ShouldBe([(2L, "Evil[.]COM", null)]);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_arrive_as_replacement_characters()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("indicator\ncaf"), 0xE9, .. Encoding.ASCII.GetBytes(".com\nevil.com\n")];
        var path = _directory.WriteBytes("latin1.csv", latin1);

        _reader.Read(path).Select(entry => entry.Value).ShouldBe(["caf\uFFFD.com", "evil.com"]);
    }

    [Fact]
    public void An_empty_file_yields_nothing()
    {
        Read("").ShouldBeEmpty();
        Read("\n\r\n  \n").ShouldBeEmpty();
    }

    [Fact]
    public void A_file_whose_last_line_has_no_line_break_is_read_completely()
    {
        Read("indicator\nevil.com\nlast.com").ShouldBe([(2L, "evil.com", null), (3L, "last.com", null)]);
    }

    [Fact]
    public void A_10_mb_line_is_read_and_the_rows_after_it_too()
    {
        var text = "indicator\n" + new string('x', 10 * 1024 * 1024) + "\nevil.com\n";

        var entries = Read(text);

        entries.Count.ShouldBe(2);
        entries[0].Value.Length.ShouldBe(10 * 1024 * 1024);
        entries[1].ShouldBe((3L, "evil.com", null));
    }
}
