using System.Text;
using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class DelimiterSnifferTests
{
    [Theory]
    [InlineData("a,b,c", ',')]
    [InlineData("a;b;c", ';')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("a;b,c;d", ';')]
    [InlineData("a,b;c", ',')]
    [InlineData("a;b\tc", ';')]
    [InlineData("single", ',')]
    [InlineData("", ',')]
    [InlineData("\"x;y;z\",b", ',')]
    [InlineData("\n  \r\n\ta;b", ';')]
    [InlineData("a;b\nc,d,e,f,g", ';')]
    [InlineData("\"multi\nline;;;\";b,c", ',')]
    public void The_most_frequent_delimiter_of_the_first_non_blank_line_wins(string text, char expected)
    {
        DelimiterSniffer.Sniff(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("# banner, with; words\n#\na\tb\tc", '\t')]
    [InlineData("#####\n# Terms: a;b;c;d\n\n\"x\", \"y\"", ',')]
    [InlineData("# only; comments; here", ';')]
    public void Comment_lines_are_passed_over_unless_there_is_nothing_else(string text, char expected)
    {
        DelimiterSniffer.Sniff(Encoding.UTF8.GetBytes(text)).ShouldBe(expected);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        DelimiterSniffer.Sniff([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a;b")]).ShouldBe(';');
    }
}
