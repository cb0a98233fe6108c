using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>Leftovers of a killed export, in every folder an export writes, and exports running side by side.</summary>
public sealed class ExportTempFileTests
{
    private const string Input = "indicator\naoldaily.com\n188.40.75.132\n";
    private const int GonePid = 999_999_999;

    [Fact]
    public async Task An_export_removes_its_own_leftovers_from_the_tables_hec_and_app_folders_and_nothing_else()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = h.Dir.File("apps/TA-tc_intel");
        string[] settings = ["--Output:Splunk:Hec=true", "--Output:Splunk:AppDirectory=" + app];
        (await h.RunAsync("run", ["--input", input, .. settings])).Exit.ShouldBe(ExitCodes.Ok);
        string[] folders = [h.OutputDirectory, Path.Combine(h.OutputDirectory, "hec"), Path.Combine(h.OutputDirectory, "splunk"), app, Path.Combine(app, "lookups"), Path.Combine(app, "default"), Path.Combine(app, "metadata")];
        foreach (var folder in folders)
        {
            File.WriteAllText(Path.Combine(folder, $".threatcrowd_indicators.csv.tcb-{GonePid}-0123abcd.tmp"), "left by a kill");
            File.WriteAllText(Path.Combine(folder, ".someone-else.1a2b3c4d.tmp"), "not ours");
        }

        var export = await h.RunAsync("export", settings);

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        foreach (var folder in folders)
        {
            Directory.GetFiles(folder, ".*").Select(Path.GetFileName).ShouldBe([".someone-else.1a2b3c4d.tmp"], folder);
        }
    }

    [Fact]
    public async Task Two_exports_on_one_store_and_folder_at_once_both_succeed_and_leave_whole_tables()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        (await h.RunAsync("run", "--input", input, "--Output:Splunk:Hec=true")).Exit.ShouldBe(ExitCodes.Ok);
        var before = h.Table("threatcrowd_indicators.csv");

        var exports = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.RunAsync("export", "--Output:Splunk:Hec=true"))));

        exports.ShouldAllBe(e => e.Exit == ExitCodes.Ok);
        h.Table("threatcrowd_indicators.csv").ShouldBe(before);
        Directory.GetFiles(h.OutputDirectory, ".*.tmp").ShouldBeEmpty();
    }
}
