using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Splunk;

/// <summary>Where the app is written, what its lookups folder may hold, and whose folder it may overwrite.</summary>
public sealed class AppFolderTests
{
    private const string Input = "indicator\naoldaily.com\n188.40.75.132\n10.1.2.3\n";

    [Fact]
    public async Task Output_directory_equal_to_the_apps_lookups_folder_leaves_only_defined_lookups_there()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = h.Dir.File("etc/apps/TA-threatcrowd");
        var lookups = Path.Combine(app, "lookups");

        var result = await h.RunAsync(
            "run", "--input", input, "--Output:Directory=" + lookups, "--Output:Splunk:AppDirectory=" + app, "--Output:Splunk:Hec=true");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var transforms = ConfSyntax.Parse(Path.Combine(app, "default", "transforms.conf"));
        Directory.GetFileSystemEntries(lookups).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(transforms.Values.Select(t => t["filename"]).Order(StringComparer.Ordinal));
        transforms.Count.ShouldBe(7);
        result.Error.ShouldContain("warning: Output:Directory is the Splunk app's lookups folder");
        result.Error.ShouldContain("the JSON tables, rejects.csv, the HEC files and the package TA-threatcrowd.tgz were not written");
        result.Error.ShouldContain("Set Output:Directory to a folder outside the app");
    }

    [Fact]
    public async Task Files_an_earlier_export_left_in_lookups_that_are_no_lookup_now_are_removed()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = Path.Combine(h.OutputDirectory, "splunk", "TA-threatcrowd");
        var lookups = Path.Combine(app, "lookups");
        (await h.RunAsync("run", "--input", input)).Exit.ShouldBe(ExitCodes.Ok);
        File.WriteAllText(Path.Combine(lookups, "rejects.csv"), "source,line,value,reason\n");
        File.WriteAllText(Path.Combine(lookups, "threatcrowd_indicators.json"), "{}\n");
        Directory.CreateDirectory(Path.Combine(lookups, "hec"));
        File.WriteAllText(Path.Combine(lookups, "hec", "threatcrowd_changes.json"), "{}\n");

        var export = await h.RunAsync("export", "--Output:EnterpriseSecurity:Enabled=false");

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        Directory.GetFileSystemEntries(lookups).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["threatcrowd_changes.csv", "threatcrowd_indicators.csv", "threatcrowd_relations.csv"]);
        ConfSyntax.Parse(Path.Combine(app, "default", "transforms.conf")).Keys.Count.ShouldBe(3);
        File.Exists(Path.Combine(app, "default", "inputs.conf")).ShouldBeFalse("its threat sources would read lookups that are gone");
    }

    [Fact]
    public async Task An_existing_app_the_program_did_not_create_is_refused_and_left_untouched()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = h.Dir.File("etc/apps/Splunk_TA_other");
        var appConf = h.Dir.Write("etc/apps/Splunk_TA_other/default/app.conf", "[launcher]\nauthor = Splunk\nversion = 2.0.0\n");
        var transforms = h.Dir.Write("etc/apps/Splunk_TA_other/default/transforms.conf", "[theirs]\nfilename = theirs.csv\n");

        var result = await h.RunAsync("run", "--input", input, "--Output:Splunk:AppDirectory=" + app);

        result.Exit.ShouldBe(ExitCodes.BadUsage, result.ToString());
        result.Error.ShouldContain($"Output:Splunk:AppDirectory \"{app}\" is not an app this program created");
        result.Error.ShouldContain("names another author than ThreatCrowd.Batch");
        result.Error.ShouldContain("It is left untouched. Point Output:Splunk:AppDirectory at a new or empty folder");
        File.ReadAllText(appConf).ShouldBe("[launcher]\nauthor = Splunk\nversion = 2.0.0\n");
        File.ReadAllText(transforms).ShouldBe("[theirs]\nfilename = theirs.csv\n");
        Directory.GetFileSystemEntries(app, "*", SearchOption.AllDirectories).Length.ShouldBe(3, "default/ and its two files");
        h.AskedValues().ShouldBeEmpty("nothing is done with a configuration that would overwrite another app");
        (await h.RunAsync("status", "--Output:Splunk:AppDirectory=" + app)).Error.ShouldNotContain("Output:Splunk:AppDirectory", customMessage: "status writes no app");
    }

    [Fact]
    public async Task A_folder_with_files_but_no_app_conf_is_refused_too()
    {
        await using var h = await PipelineHarness.StartAsync();
        var app = h.Dir.File("etc/apps/TA-notes");
        h.Dir.Write("etc/apps/TA-notes/notes.txt", "mine");

        var result = await h.RunAsync("export", "--Output:Splunk:AppDirectory=" + app);

        result.Exit.ShouldBe(ExitCodes.BadUsage, result.ToString());
        result.Error.ShouldContain("it holds files but no default/app.conf");
        Directory.GetFileSystemEntries(app).Select(Path.GetFileName).ShouldBe(["notes.txt"]);
    }

    [Fact]
    public async Task An_empty_folder_becomes_the_app_and_is_written_into_again_at_the_next_export()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        var app = h.Dir.File("etc/apps/TA-tc");
        Directory.CreateDirectory(app);

        var first = await h.RunAsync("run", "--input", input, "--Output:Splunk:AppDirectory=" + app);
        var again = await h.RunAsync("export", "--Output:Splunk:AppDirectory=" + app);

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        again.Exit.ShouldBe(ExitCodes.Ok, again.ToString());
        ConfSyntax.Parse(Path.Combine(app, "default", "app.conf"))["launcher"]["author"].ShouldBe("ThreatCrowd.Batch");
        File.Exists(Path.Combine(h.OutputDirectory, "splunk", "TA-tc.tgz")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_threat_sources_follow_the_es_settings_enabled_and_max_age()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);

        var result = await h.RunAsync(
            "run", "--input", input, "--Output:EnterpriseSecurity:EnableSources=true", "--Output:EnterpriseSecurity:MaxAge=1.12:00:00",
            "--Output:EnterpriseSecurity:Weights:Feed=55");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var inputs = ConfSyntax.Parse(Path.Combine(h.OutputDirectory, "splunk", "TA-threatcrowd", "default", "inputs.conf"));
        inputs.Count.ShouldBe(4);
        inputs.Values.ShouldAllBe(s => s["disabled"] == "0" && s["max_age"] == "-36h" && s["weight"] == "55");
    }
}
