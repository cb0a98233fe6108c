using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Inputs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// Real lists through the whole import: what is skipped is counted in the summary, not in rejects.csv; context
/// reaches the table, one list after the other in the order of the sources column.
/// </summary>
public sealed class ImportRealListTests
{
    [Fact]
    public async Task A_misp_export_counts_what_is_not_a_lookup_and_rejects_nothing()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("iocs.csv", File.ReadAllText(Path.Combine(RealWorldImport.Directory, "misp_citizenlab_201603_shifting_tactics.csv")));

        var result = await h.RunAsync("import", "--input", input, "--Sources:DefaultFeeds=false");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain(
            "iocs.csv: 29 indicators, 3 repeated, 0 rejected, 4 skipped (type \"filename\" is not looked up: 1; type \"link\" is not looked up: 1; "
            + "type \"text\" is not looked up: 1; type \"threat-actor\" is not looked up: 1)");
        h.Table("rejects.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        h.Table("threatcrowd_indicators.csv").ShouldContain("sys.firewall-gateway.net,domain,pending,");
        h.Table("threatcrowd_indicators.csv").ShouldContain(",misp: Network activity\n");
        h.Table("threatcrowd_indicators.csv").ShouldNotContain("citizenlab.org");
        h.Table("threatcrowd_indicators.csv").ShouldNotContain("reappraisal");
    }

    [Fact]
    public async Task Two_lists_naming_the_same_address_show_what_each_said()
    {
        await using var h = await PipelineHarness.StartAsync();
        var feodo = h.Dir.Write("ipblocklist.csv", "#\n\"first_seen_utc\",\"dst_ip\",\"dst_port\",\"c2_status\",\"last_online\",\"malware\"\n\"2023-05-23 17:51:44\",\"192.9.135.73\",\"1194\",\"online\",\"2024-04-01\",\"Pikabot\"\n# END 1 entries");
        var threatfox = h.Dir.Write("full.csv", "# \"first_seen_utc\",\"ioc_id\",\"ioc_value\",\"ioc_type\",\"threat_type\",\"malware_printable\",\"confidence_level\"\n\"2024-07-16 05:25:36\", \"1\", \"192.9.135.73:1194\", \"ip:port\", \"botnet_cc\", \"Pikabot\", \"100\"\n");

        var result = await h.RunAsync("import", "--input", feodo, "--input", threatfox, "--Sources:DefaultFeeds=false");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        h.Table("threatcrowd_indicators.csv").ShouldContain(",\"threatfox: botnet_cc, Pikabot, confidence 100; feodo: Pikabot\"\n");
    }
}
