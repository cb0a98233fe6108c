using System.Text;
using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class LineSkipperTests
{
    private static string RestAfter(string text, long lines)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return LineSkipper.SkipLines(stream, lines) ? new StreamReader(stream).ReadToEnd() : "<end>";
    }

    [Theory]
    [InlineData("a\nb\nc\n", 1, "b\nc\n")]
    [InlineData("a\nb\nc\n", 2, "c\n")]
    [InlineData("a\r\nb\r\nc", 1, "b\r\nc")]
    [InlineData("a\r\nb\r\nc", 2, "c")]
    [InlineData("a\rb\rc", 2, "c")]
    [InlineData("a\r\rc", 2, "c")]
    [InlineData("a\n\nc", 2, "c")]
    [InlineData("a\nb\n", 2, "<end>")]
    [InlineData("a\r\n", 1, "<end>")]
    [InlineData("a", 1, "<end>")]
    public void Cr_lf_and_crlf_each_count_as_one_line_break(string text, long lines, string rest)
    {
        RestAfter(text, lines).ShouldBe(rest);
    }

    [Fact]
    public void A_crlf_split_across_read_buffers_counts_once()
    {
        var first = new string('x', (64 * 1024) - 1) + "\r";
        var text = first + "\nsecond\nthird";

        RestAfter(text, 1).ShouldBe("second\nthird");
    }
}
