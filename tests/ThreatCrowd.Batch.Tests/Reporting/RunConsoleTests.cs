
using ThreatCrowd.Batch.Reporting;

namespace ThreatCrowd.Batch.Tests.Reporting;

public sealed class RunConsoleTests
{
    [Fact]
    public void One_call_prints_one_line_with_control_characters_escaped()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new RunConsole(output, error);

        console.Info("a\nfake: line\u001B[2J");
        console.Warn("w\r\n");
        console.Error("e\u0007");

        output.ToString().ShouldBe("a\\u000Afake: line\\u001B[2J" + Environment.NewLine);
        error.ToString().ShouldBe("warning: w\\u000D\\u000A" + Environment.NewLine + "error: e\\u0007" + Environment.NewLine);
    }

    [Fact]
    public void Text_the_program_lays_out_on_several_lines_keeps_its_lines_each_made_printable()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = new RunConsole(output, error);

        console.InfoLines("first\n  second\u001B\r\nthird");
        console.ErrorLines("Bad configuration:\n  - A is wrong\n  - B is \u001B");

        output.ToString().ShouldBe(string.Join(Environment.NewLine, "first", "  second\\u001B", "third", ""));
        error.ToString().ShouldBe(string.Join(Environment.NewLine, "error: Bad configuration:", "  - A is wrong", "  - B is \\u001B", ""));
    }
}
