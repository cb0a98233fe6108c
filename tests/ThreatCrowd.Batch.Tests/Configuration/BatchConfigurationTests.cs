using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Configuration;

public sealed class BatchConfigurationTests
{
    [Fact]
    public void The_shipped_appsettings_json_states_exactly_the_defaults_in_code()
    {
        var fromFile = BatchConfiguration.Load(null, []);
        var inCode = new BatchOptions();

        fromFile.ThreatCrowd.BaseUrl.ShouldBe(inCode.ThreatCrowd.BaseUrl);
        fromFile.ThreatCrowd.RequestInterval.ShouldBe(TimeSpan.FromSeconds(10));
        fromFile.ThreatCrowd.RequestInterval.ShouldBe(inCode.ThreatCrowd.RequestInterval);
        fromFile.ThreatCrowd.Timeout.ShouldBe(inCode.ThreatCrowd.Timeout);
        fromFile.ThreatCrowd.MaxAttempts.ShouldBe(inCode.ThreatCrowd.MaxAttempts);
        fromFile.ThreatCrowd.UnreachableAfter.ShouldBe(inCode.ThreatCrowd.UnreachableAfter);
        fromFile.Sources.DefaultFeeds.ShouldBeTrue();
        fromFile.Lookup.RefreshAfter.ShouldBe(TimeSpan.FromDays(7));
        fromFile.Lookup.MaxPerRun.ShouldBe(0);
        fromFile.Store.Path.ShouldBe(inCode.Store.Path);
        fromFile.Output.Directory.ShouldBe(inCode.Output.Directory);
    }

    [Fact]
    public void The_shipped_appsettings_json_states_the_output_defaults_in_code()
    {
        var fromFile = BatchConfiguration.Load(null, []).Output;
        var inCode = new BatchOptions().Output;

        fromFile.MaxAge.ShouldBe(TimeSpan.Zero);
        fromFile.MaxAge.ShouldBe(inCode.MaxAge);
        fromFile.ChangesKeep.ShouldBe(TimeSpan.FromDays(30));
        fromFile.ChangesKeep.ShouldBe(inCode.ChangesKeep);
        fromFile.WarnAboveMegabytes.ShouldBe(25);
        fromFile.WarnAboveMegabytes.ShouldBe(inCode.WarnAboveMegabytes);
        (fromFile.Splunk.App, fromFile.Splunk.AppDirectory, fromFile.Splunk.Hec, fromFile.Splunk.HecIndex)
            .ShouldBe((inCode.Splunk.App, inCode.Splunk.AppDirectory, inCode.Splunk.Hec, inCode.Splunk.HecIndex));
        (fromFile.Splunk.App, fromFile.Splunk.Hec).ShouldBe((true, false));
        var es = fromFile.EnterpriseSecurity;
        (es.Enabled, es.IncludeRelated).ShouldBe((inCode.EnterpriseSecurity.Enabled, inCode.EnterpriseSecurity.IncludeRelated));
        (es.Enabled, es.IncludeRelated).ShouldBe((true, false));
        var weights = inCode.EnterpriseSecurity.Weights;
        (es.Weights.Feed, es.Weights.VotedMalicious, es.Weights.Both, es.Weights.Related)
            .ShouldBe((weights.Feed, weights.VotedMalicious, weights.Both, weights.Related));
        fromFile.SplunkAppFolder.ShouldBe(Path.Combine("out", "splunk", "TA-threatcrowd"));
        fromFile.SplunkAppName.ShouldBe("TA-threatcrowd");
    }

    [Fact]
    public void Every_bad_output_value_is_reported_naming_its_key()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, [
            "--Output:MaxAge=-1.00:00:00",
            "--Output:ChangesKeep=00:00:00",
            "--Output:WarnAboveMegabytes=-1",
            "--Output:Splunk:AppDirectory=out/splunk/my app",
            "--Output:EnterpriseSecurity:Weights:Feed=0",
            "--Output:EnterpriseSecurity:Weights:Related=101",
        ]));

        error.Message.ShouldContain("Output:MaxAge is -1.00:00:00");
        error.Message.ShouldContain("Output:ChangesKeep is 00:00:00");
        error.Message.ShouldContain("Output:WarnAboveMegabytes is -1");
        error.Message.ShouldContain("Output:Splunk:AppDirectory ends in \"my app\"");
        error.Message.ShouldContain("Output:EnterpriseSecurity:Weights:Feed is 0");
        error.Message.ShouldContain("Output:EnterpriseSecurity:Weights:Related is 101");
        error.Message.ShouldNotContain("VotedMalicious");
    }

    [Fact]
    public void The_app_folder_follows_the_output_directory_unless_given()
    {
        var defaulted = BatchConfiguration.Load(null, ["--Output:Directory=/srv/tcb"]).Output;
        var given = BatchConfiguration.Load(null, ["--Output:Splunk:AppDirectory=/opt/splunk/etc/apps/TA-tc_intel/"]).Output;

        defaulted.SplunkAppFolder.ShouldBe(Path.Combine("/srv/tcb", "splunk", "TA-threatcrowd"));
        given.SplunkAppName.ShouldBe("TA-tc_intel");
    }

    [Fact]
    public void A_config_file_layers_over_the_defaults_and_command_line_settings_over_it()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("site.json", """{ "ThreatCrowd": { "RequestInterval": "00:00:15" }, "Lookup": { "Exclude": [ "corp.example.net" ] } }""");

        var options = BatchConfiguration.Load(file, ["--Lookup:MaxPerRun=40"]);

        options.ThreatCrowd.RequestInterval.ShouldBe(TimeSpan.FromSeconds(15));
        options.Lookup.Exclude.ShouldBe(["corp.example.net"]);
        options.Lookup.MaxPerRun.ShouldBe(40);
        options.ThreatCrowd.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Every_bad_value_is_reported_together_each_naming_its_key()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, [
            "--ThreatCrowd:BaseUrl=ftp://example.org/",
            "--ThreatCrowd:RequestInterval=-00:00:01",
            "--ThreatCrowd:MaxAttempts=0",
            "--Sources:Feeds:0:Url=feeds/x.txt",
            "--Sources:Feeds:0:Type=url",
            "--Lookup:Exclude:0=10.0.0.0/33",
        ]));

        error.Message.ShouldContain("ThreatCrowd:BaseUrl");
        error.Message.ShouldContain("ThreatCrowd:RequestInterval");
        error.Message.ShouldContain("ThreatCrowd:MaxAttempts");
        error.Message.ShouldContain("Sources:Feeds:0:Type is \"url\"");
        error.Message.ShouldContain("10.0.0.0/33");
    }

    [Fact]
    public void An_unknown_key_is_an_error_not_a_silent_default()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--ThreatCrowd:RequestIntervall=00:00:20"]));

        error.Message.ShouldContain("RequestIntervall");
    }

    [Fact]
    public void A_value_of_the_wrong_form_names_its_key()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--ThreatCrowd:RequestInterval=ten seconds"]));

        error.Message.ShouldContain("ThreatCrowd:RequestInterval");
    }

    [Fact]
    public void A_missing_config_file_and_broken_json_are_named()
    {
        using var dir = new TempDirectory();
        Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(dir.File("nope.json"), [])).Message.ShouldContain("nope.json");

        var broken = dir.Write("broken.json", """{ "Store": { "Path": "x.db", } """);
        Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(broken, [])).Message.ShouldContain("broken.json");
    }
}
