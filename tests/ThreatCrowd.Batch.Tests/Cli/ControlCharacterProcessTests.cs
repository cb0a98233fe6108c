using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Inputs;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// Terminal control sequences from a hostile server and from input values, against the real program: what it
/// prints (the run's lines, `status`) and what it writes (rejects.csv) shows them as visible escapes, never raw.
/// </summary>
public sealed class ControlCharacterProcessTests
{
    private const string ClearScreen = "\u001B[2J";
    private const string SetTitle = "\u001B]0;pwned\u0007";

    [Fact]
    public async Task Control_sequences_from_a_page_title_a_reason_phrase_and_an_input_are_printed_and_written_escaped()
    {
        using var dir = new TempDirectory();
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        server.Faults.Enqueue(StandInFault.Body($"<html><head><title>{ClearScreen}{SetTitle}fake line</title></head></html>"));
        await using var feed = new CannedHttpServer(CannedHttpServer.Response(503, $"Down{ClearScreen}", ""));
        var input = dir.Write($"in{ClearScreen}.csv", $"indicator\naoldaily.com\nbad{ClearScreen}value\nnul\0value.com\n");
        string[] settings =
        [
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:00.050", "--ThreatCrowd:MaxAttempts=1",
            "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            "--Sources:Feeds:0:Url=" + feed.Url("/ips.txt"), "--Sources:Feeds:0:Type=ip",
        ];

        var run = await ProgramProcess.RunAsync(dir.Path, ["run", .. settings, "--input", input]);
        var status = await ProgramProcess.RunAsync(dir.Path, ["status", .. settings]);

        run.Exit.ShouldBe(ExitCodes.Ok, run.Output + run.Error);
        status.Exit.ShouldBe(ExitCodes.Ok, status.Output + status.Error);
        foreach (var printed in new[] { run.Output, run.Error, status.Output, status.Error })
        {
            printed.ShouldNotContain("\u001B");
            printed.ShouldNotContain("\u0007");
        }

        run.Output.ShouldContain(@"HTML page instead of JSON: ""\u001B[2J\u001B]0;pwned\u0007fake line""");
        status.Output.ShouldContain(@"\u001B[2J\u001B]0;pwned\u0007fake line");
        var rejects = File.ReadAllBytes(dir.File("out/rejects.csv"));
        rejects.ShouldNotContain((byte)0x1B);
        rejects.ShouldNotContain((byte)0x00);
        File.ReadAllText(dir.File("out/rejects.csv")).ShouldContain(@"nul\u0000value.com");

        // The input's name reaches the sources column of the indicator table: escaped there too.
        File.ReadAllBytes(dir.File("out/threatcrowd_indicators.csv")).ShouldNotContain((byte)0x1B);
        File.ReadAllText(dir.File("out/threatcrowd_indicators.csv")).ShouldContain(@"in\u001B[2J.csv");
    }
}
