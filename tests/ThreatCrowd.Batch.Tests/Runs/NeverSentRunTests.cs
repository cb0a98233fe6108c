using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class NeverSentRunTests
{
    [Fact]
    public async Task Special_use_addresses_embedded_addresses_and_names_are_rejected_and_never_asked()
    {
        await using var h = await PipelineHarness.StartAsync();
        string[] neverSent = ["::10.0.0.1", "2002:a00:1::1", "64:ff9b:1::a00:1", "3fff::1", "5f00::1", "x.onion", "x.alt", "ipv4only.arpa"];
        var input = h.Dir.Write("in.csv", "indicator\naoldaily.com\n" + string.Join('\n', neverSent) + "\n");

        var result = await h.RunAsync("run", "--input", input);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com"]);
        var rejects = h.Table("rejects.csv");
        foreach (var value in neverSent)
        {
            rejects.Split('\n').ShouldContain(line => line.Contains($",{value},", StringComparison.Ordinal) && line.EndsWith(": never sent to the API", StringComparison.Ordinal));
        }
    }
}
