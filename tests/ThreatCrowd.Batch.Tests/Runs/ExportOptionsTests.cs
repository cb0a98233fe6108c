using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class ExportOptionsTests
{
    private const string Input = "indicator\naoldaily.com\n188.40.75.132\n";

    [Fact]
    public async Task A_table_over_the_size_limit_is_written_whole_with_a_warning_naming_it_and_what_to_do()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);

        var result = await h.RunAsync("run", "--input", input, "--Output:WarnAboveMegabytes=0.002");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldContain("warning: threatcrowd_relations.csv is 0.0 MB, over Output:WarnAboveMegabytes (0.002 MB)");
        result.Error.ShouldContain("Output:MaxAge");
        result.Error.ShouldContain("max_memtable_bytes");
        result.Error.ShouldContain("[replicationDenylist] in distsearch.conf, with lookup local=t");
        result.Error.ShouldContain("KV store");
        result.Error.ShouldNotContain("threatcrowd_indicators.csv is", customMessage: "the indicators table is under 2 KB");
        h.Table("threatcrowd_relations.csv").Split('\n').Length.ShouldBe(1 + 10 + 53 + 1, "header, both answers' related items, final line break");
    }

    [Fact]
    public async Task With_the_app_and_enterprise_security_off_only_the_tables_are_written()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);

        var result = await h.RunAsync("run", "--input", input, "--Output:Splunk:App=false", "--Output:EnterpriseSecurity:Enabled=false");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        Directory.GetFileSystemEntries(h.OutputDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe([
            "rejects.csv", "threatcrowd_changes.csv", "threatcrowd_changes.json", "threatcrowd_indicators.csv", "threatcrowd_indicators.json",
            "threatcrowd_relations.csv", "threatcrowd_relations.json",
        ]);
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_app_goes_where_AppDirectory_says_and_unchanged_configuration_is_left_untouched()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = h.Dir.File("splunk-home/etc/apps/TA-tc_intel");
        await h.RunAsync("run", "--input", input, "--Output:Splunk:AppDirectory=" + app);
        var transforms = Path.Combine(app, "default", "transforms.conf");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(transforms, stamp);

        var export = await h.RunAsync("export", "--Output:Splunk:AppDirectory=" + app);

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        File.ReadAllText(Path.Combine(app, "default", "app.conf")).ShouldContain("id = TA-tc_intel\n");
        File.Exists(Path.Combine(app, "lookups", "threatcrowd_indicators.csv")).ShouldBeTrue();
        File.GetLastWriteTimeUtc(transforms).ShouldBe(stamp);
        Directory.GetFileSystemEntries(Path.Combine(h.OutputDirectory, "splunk")).Select(Path.GetFileName)
            .ShouldBe(["TA-tc_intel.tgz"], "only the package is written under Output:Directory; the app is where AppDirectory says");
    }
}
