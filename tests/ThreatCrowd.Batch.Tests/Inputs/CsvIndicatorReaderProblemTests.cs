using ThreatCrowd.Batch.Inputs;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvIndicatorReaderProblemTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly CsvIndicatorReader _reader = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_missing_file_gives_one_problem_entry_at_line_0()
    {
        var path = Path.Combine(_directory.Path, "missing.csv");

        _reader.Read(path).ShouldBe(
            [new SourceEntry(path, 0, "", null, $"cannot read \"{path}\": file not found; check Sources:CsvFiles or --input")]);
    }

    [Fact]
    public void A_file_in_a_missing_directory_is_reported_as_not_found()
    {
        var path = Path.Combine(_directory.Path, "nowhere", "missing.csv");

        _reader.Read(path).Single().Problem.ShouldBe($"cannot read \"{path}\": file not found; check Sources:CsvFiles or --input");
    }

    [Fact]
    public void A_directory_given_as_a_file_gives_one_problem_entry()
    {
        _reader.Read(_directory.Path).ShouldBe(
        [
            new SourceEntry(_directory.Path, 0, "", null,
                $"cannot read \"{_directory.Path}\": it is a directory, not a file; name a CSV file in Sources:CsvFiles or --input"),
        ]);
    }

    [Fact]
    public void Reading_is_lazy_so_the_file_is_only_opened_when_enumerated()
    {
        var path = Path.Combine(_directory.Path, "later.csv");
        var entries = _reader.Read(path);

        _directory.Write("later.csv", "evil.com\n");

        entries.ShouldBe([new SourceEntry(path, 1, "evil.com", null)]);
    }

    [Fact]
    public void An_unclosed_quote_gives_a_problem_and_the_lines_after_it_are_still_read()
    {
        var path = _directory.Write("input.csv", "indicator,comment\ngood1.com,x\n\"unclosed.com,y\ngood2.com,z\ngood3.com,w\n");

        var entries = _reader.Read(path).ToList();

        entries.Select(entry => (entry.Line, entry.Value, entry.Problem is null)).ShouldBe(
        [
            (2L, "good1.com", true),
            (3L, "\"unclosed.com,y", false),
            (4L, "good2.com", true),
            (5L, "good3.com", true),
        ]);
        entries[1].Problem.ShouldBe("a quote opened on this line is never closed; the lines after it were read as rows of their own");
    }

    [Fact]
    public void An_unclosed_quote_on_the_last_line_is_reported()
    {
        var path = _directory.Write("input.csv", "indicator\ngood.com\n\"unclosed.com");

        _reader.Read(path).Select(entry => (entry.Line, entry.Problem is null)).ShouldBe([(2L, true), (3L, false)]);
    }

    [Fact]
    public void A_stray_quote_gives_a_problem_for_its_line_and_reading_goes_on()
    {
        var path = _directory.Write("input.csv", "indicator\nev\"il.com\n\"quoted\"after.com\ngood.com\n");

        var entries = _reader.Read(path).ToList();

        entries.Select(entry => (entry.Line, entry.Problem)).ShouldBe(
        [
            (2L, "stray quote inside an unquoted value; quote the whole value and double any quote inside it"),
            (3L, "text after a closing quote; quote the whole value and double any quote inside it"),
            (4L, null),
        ]);
        entries[0].Value.ShouldBe("ev\"il.com");
    }

    [Fact]
    public void A_problem_row_before_the_header_does_not_hide_the_header()
    {
        var path = _directory.Write("input.csv", "\"broken\nindicator\nevil.com\n");

        _reader.Read(path).Select(entry => (entry.Line, entry.Value, entry.Problem is null)).ShouldBe(
            [(1L, "\"broken", false), (3L, "evil.com", true)]);
    }

    [Fact]
    public void A_row_over_16_mb_gives_a_problem_and_the_rows_after_it_are_still_read()
    {
        var path = _directory.Write("input.csv", "indicator\n" + new string('x', 17 * 1024 * 1024) + "\nevil.com\n");

        _reader.Read(path).Select(entry => (entry.Line, entry.Value, entry.Problem)).ShouldBe(
        [
            (2L, "", "row longer than 16 MB, skipped (an unclosed quote, or a file that is not CSV?)"),
            (3L, "evil.com", null),
        ]);
    }

    [Fact]
    public void A_permission_problem_says_what_to_do()
    {
        FileProblems.CannotOpen("x.csv", new UnauthorizedAccessException("denied"))
            .ShouldBe("cannot read \"x.csv\": permission denied; give the importer read access to the file");
    }

    [Fact]
    public void A_read_error_names_the_file_and_the_last_line_read()
    {
        FileProblems.ReadFailed("x.csv", 41, new IOException("Input/output error"))
            .ShouldBe("reading \"x.csv\" failed after line 41: Input/output error; the rest of the file was not read");
    }
}
