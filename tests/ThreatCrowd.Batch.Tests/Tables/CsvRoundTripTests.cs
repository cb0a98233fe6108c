using System.Globalization;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tables;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class CsvRoundTripTests
{
    // What real answers and input files hold: separators, quotes, line breaks of every kind (a trailing CR is a known
    // quirk of the service), non-ASCII text, surrounding spaces, and text a spreadsheet would take for a formula.
    public static TheoryData<string> AwkwardValues() =>
    [
        "a,b", "say \"hi\"", "\"", ",", "line\nbreak", "crlf\r\nbreak", "advtravel.info\r", "\rlead", " padded ",
        "tab\tinside", "bücher.example", "сайт.рф", "日本語", "emoji 🦀", "=1+2", "-1", "@SUM(A1)", "", "x\"\"y",
    ];

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public async Task A_relation_value_reads_back_as_written_or_escaped_as_text(string value)
    {
        using var folder = new TempDirectory();
        var row = new RelationRow(value, "domain", "reference", value, "reference", value, SampleRows.LookedUp);

        await RelationsTable.WriteAsync(folder.Path, [row, row], withJson: true, CancellationToken.None);

        var (header, records) = StrictCsv.Read(folder.File("threatcrowd_relations.csv"));
        header.ShouldBe(["indicator", "type", "relation", "related", "related_type", "last_resolved", "looked_up_at"]);
        records.Count.ShouldBe(2);
        var cell = AsSpreadsheetText(value);
        records[1].ShouldBe([cell, "domain", "reference", cell, "reference", cell, "2026-11-22T01:00:10Z"]);
    }

    [Theory]
    [MemberData(nameof(AwkwardValues))]
    public async Task A_reject_value_reads_back_as_written_or_escaped_as_text(string value)
    {
        using var folder = new TempDirectory();

        await RejectsTable.WriteAsync(folder.Path, [new RejectRow(value, 42, value, value)], CancellationToken.None);

        var (_, records) = StrictCsv.Read(folder.File("rejects.csv"));
        var cell = AsSpreadsheetText(PrintableText.Escape(value));
        records.ShouldHaveSingleItem().ShouldBe([cell, "42", cell, cell]);
    }

    [Theory]
    [InlineData("nul\0inside", "nul\\u0000inside")]
    [InlineData("\u001B[2Jclear.com", "\\u001B[2Jclear.com")]
    [InlineData("title\u001B]0;pwned\u0007.com", "title\\u001B]0;pwned\\u0007.com")]
    [InlineData("line\nbreak", "line\\u000Abreak")]
    [InlineData("\rlead", "\\u000Dlead")]
    [InlineData("csi\u009B2J", "csi\\u009B2J")]
    [InlineData("rtl\u202Emoc.live", "rtl\\u202Emoc.live")]
    public async Task A_reject_carries_control_characters_as_visible_escapes(string value, string shown)
    {
        using var folder = new TempDirectory();

        await RejectsTable.WriteAsync(folder.Path, [new RejectRow("in.csv", 7, value, $"bad {value}")], CancellationToken.None);

        var bytes = File.ReadAllBytes(folder.File("rejects.csv"));
        bytes.ShouldNotContain((byte)0x00);
        bytes.ShouldNotContain((byte)0x1B);
        var (_, records) = StrictCsv.Read(folder.File("rejects.csv"));
        records.ShouldHaveSingleItem().ShouldBe(["in.csv", "7", shown, $"bad {shown}"]);
    }

    [Fact]
    public async Task A_negative_vote_stays_a_number_while_formula_like_text_is_escaped()
    {
        using var folder = new TempDirectory();
        var row = SampleRows.Indicators()[0] with { Votes = -1, Permalink = "=HYPERLINK(\"http://evil\")" };

        await IndicatorsTable.WriteAsync(folder.Path, [row], withJson: true, CancellationToken.None);

        var (header, records) = StrictCsv.Read(folder.File("threatcrowd_indicators.csv"));
        records[0][Array.IndexOf(header, "votes")].ShouldBe("-1");
        records[0][Array.IndexOf(header, "permalink")].ShouldBe("'=HYPERLINK(\"http://evil\")");
        File.ReadAllLines(folder.File("threatcrowd_indicators.json"))[0].ShouldContain("\"permalink\":\"=HYPERLINK");
    }

    /// <summary>OWASP's rule: text a spreadsheet would run as a formula gets a leading apostrophe; JSON keeps it raw.</summary>
    private static string AsSpreadsheetText(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    [Fact]
    public async Task Every_indicator_reads_back_with_twenty_two_columns_and_its_values()
    {
        using var folder = new TempDirectory();
        var rows = SampleRows.Indicators();

        await IndicatorsTable.WriteAsync(folder.Path, rows, withJson: true, CancellationToken.None);

        var (header, records) = StrictCsv.Read(folder.File("threatcrowd_indicators.csv"));
        header.Length.ShouldBe(22);
        records.Count.ShouldBe(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            records[i].ShouldBe(
            [
                rows[i].Indicator, rows[i].Type, rows[i].Status, rows[i].Votes?.ToString(CultureInfo.InvariantCulture) ?? "",
                rows[i].Verdict, rows[i].InFeed ? "true" : "false", 
                .. RelationKindNames.All.Select(kind => Text(rows[i].Counts[kind])), rows[i].Md5 ?? "", rows[i].Sha1 ?? "", rows[i].Permalink ?? "",
                rows[i].Sources, Text(rows[i].Depth), "2026-11-20T08:00:00Z", Text(rows[i].LookedUpAt), rows[i].Context ?? "",
            ]);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset? lookedUpAt) =>
        lookedUpAt == SampleRows.LookedUp ? "2026-11-22T01:00:10Z"
        : lookedUpAt == SampleRows.LookedUpInBerlin ? "2026-11-22T01:00:20Z"
        : lookedUpAt is null ? "" : throw new ArgumentOutOfRangeException(nameof(lookedUpAt), lookedUpAt, "Not a sample time.");
}
