using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Tests.Classification;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("\u001B[2J", @"\u001B[2J")]
    [InlineData("a\0b", @"a\u0000b")]
    [InlineData("bell\u0007", @"bell\u0007")]
    [InlineData("del\u007F", @"del\u007F")]
    [InlineData("csi\u009B", @"csi\u009B")]
    [InlineData("two\nlines\r", @"two\u000Alines\u000D")]
    [InlineData("tab\there", @"tab\u0009here")]
    [InlineData("moc.\u202Eevil", @"moc.\u202Eevil")]
    [InlineData("zero\u200Bwidth", @"zero\u200Bwidth")]
    [InlineData("\uFEFFbom", @"\uFEFFbom")]
    [InlineData("sep\u2028arator", @"sep\u2028arator")]
    public void Every_control_and_invisible_format_character_becomes_a_visible_escape(string text, string printed)
    {
        PrintableText.Escape(text).ShouldBe(printed);
    }

    [Theory]
    [InlineData("aoldaily.com")]
    [InlineData("bücher.example, сайт.рф, 日本語, emoji 🦀")]
    [InlineData(@"C:\exports\a.csv")]
    [InlineData("")]
    public void Printable_text_is_returned_as_it_is(string text)
    {
        PrintableText.Escape(text).ShouldBeSameAs(text);
    }
}
