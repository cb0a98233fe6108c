using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

public sealed class InspectCommandTests
{
    private const string Feodo =
        "#####\n# abuse.ch Feodo Tracker\n#####\n#\n\"first_seen_utc\",\"dst_ip\",\"dst_port\",\"c2_status\",\"last_online\",\"malware\"\n"
        + "\"2023-05-23 17:51:44\",\"192.9.135.73\",\"1194\",\"online\",\"2024-04-01\",\"Pikabot\"\n"
        + "\"2024-02-08 19:20:49\",\"10.0.0.5\",\"5000\",\"offline\",\"2024-03-11\",\"Pikabot\"\n# END 2 entries";

    [Fact]
    public async Task Inspect_shows_the_header_the_columns_and_the_first_values_and_writes_nothing()
    {
        await using var h = await PipelineHarness.StartAsync();
        var file = h.Dir.Write("ipblocklist.csv", Feodo);

        var result = await h.RunAsync("inspect", file);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var lines = result.Output.Split('\n').Select(line => line.TrimEnd()).ToList();
        lines.ShouldContain("delimiter: comma");
        lines.ShouldContain("header: line 5 (first_seen_utc,dst_ip,dst_port,c2_status,last_online,malware)");
        lines.ShouldContain("list: feodo (what its rows say about an indicator is shown as \"feodo: ...\")");
        lines.ShouldContain("    2 dst_ip          read as ip");
        lines.ShouldContain("    3 dst_port        ignored: a port");
        lines.ShouldContain("    6 malware         context: kept with the indicator");
        lines.ShouldContain(line => line.StartsWith("  line 6 ") && line.EndsWith("ip 192.9.135.73  [feodo: Pikabot]"));
        lines.ShouldContain(line => line.StartsWith("  line 7 ") && line.Contains("rejected: private address"));
        File.Exists(h.StorePath).ShouldBeFalse();
        Directory.Exists(h.OutputDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task Inspect_shows_what_a_per_file_setting_changes()
    {
        await using var h = await PipelineHarness.StartAsync();
        var file = h.Dir.Write("odd.csv", "when,what,where\n2024-01-01,evil.com,1.2.3.4\n");

        var result = await h.RunAsync("inspect", file, "--Sources:Files:0:Path=*odd.csv", "--Sources:Files:0:Columns:0=where", "--Sources:Files:0:HeaderLine=1");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("settings: from Sources:Files");
        result.Output.ShouldContain("3 where  read (named in Sources:Files Columns)");
        result.Output.ShouldContain("ip 1.2.3.4");
        result.Output.ShouldNotContain("evil.com  ");
    }

    [Fact]
    public async Task Inspect_without_a_file_says_what_it_needs()
    {
        await using var h = await PipelineHarness.StartAsync();

        var result = await h.RunAsync("inspect");

        result.Exit.ShouldBe(ExitCodes.BadUsage);
        result.Error.ShouldContain("inspect needs the file to look at");
    }
}
