using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Splunk;

public sealed class ConfSyntaxTests
{
    [Theory]
    [InlineData("[a]\nkey=value\n", "neither")]
    [InlineData("key = value\n[a]\n", "before any stanza")]
    [InlineData("[a]\nkey = value\r\n", "CR")]
    [InlineData("[a]\n[a]\n", "repeats a stanza")]
    [InlineData("[a]\nk = 1\nk = 2\n", "repeats a key")]
    [InlineData("[a]\nk = 1 \n", "neither")]
    [InlineData("[a]\nk = 1", "line break")]
    public void The_checker_refuses_what_Splunk_would_misread(string text, string complaint)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.conf", text);

        Should.Throw<ShouldAssertException>(() => ConfSyntax.Parse(path)).Message.ShouldContain(complaint);
    }

    [Fact]
    public void The_checker_reads_comments_stanzas_and_settings()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.conf", "# c\n\n[]\naccess = read : [ * ]\n\n[a:b]\nTIME_FORMAT = %s\n");

        var conf = ConfSyntax.Parse(path);

        conf.Keys.ShouldBe(["", "a:b"]);
        conf["a:b"]["TIME_FORMAT"].ShouldBe("%s");
    }
}
