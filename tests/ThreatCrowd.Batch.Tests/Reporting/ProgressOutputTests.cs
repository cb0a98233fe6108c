using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Reporting;

public sealed class ProgressOutputTests
{
    [Fact]
    public async Task Without_a_terminal_each_lookup_is_one_plain_line_with_no_control_characters()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\nnone.example-none.org\n");

        var result = await h.RunAsync("run", "--input", input);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldContain("[1/3] domain aoldaily.com: found (6 resolutions, 2 emails, 2 references) (about 20 s left)");
        lines.ShouldContain("[3/3] domain none.example-none.org: not found");
        result.Output.ShouldNotContain("\u001b");
        result.Output.ShouldNotContain("\r");
    }

    [Fact]
    public async Task On_a_terminal_the_live_display_shows_counts_time_left_and_failures()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\nnone.example-none.org\n");
        server.Faults.Enqueue(StandInFault.Status(404));
        var output = new StringWriter();

        var exit = await BatchCommandLine.RunAsync(
            ["run", "--input", input, "--Store:Path=" + dir.File("s.db"), "--Output:Directory=" + dir.File("out"), "--Sources:DefaultFeeds=false",
             "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl],
            new RunConsole(output, output, live: true),
            new FakeClock { AutoAdvance = true },
            CancellationToken.None);

        exit.ShouldBe(ExitCodes.Ok, output.ToString());
        var screen = output.ToString();
        screen.ShouldContain("\u001b[");
        screen.ShouldContain("3/3");
        screen.ShouldContain("found 1, not found 1, failed 1");
        screen.ShouldContain("domain aoldaily.com after 1 attempt(s): HTTP 404 Not Found");
        screen.ShouldNotContain("[1/3]");
    }
}
