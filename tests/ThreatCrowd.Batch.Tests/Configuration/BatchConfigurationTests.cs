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
        fromFile.ThreatCrowd.VoteUrl.ShouldBe("https://www.threatcrowd.org/vote.php");
        fromFile.ThreatCrowd.VoteUrl.ShouldBe(inCode.ThreatCrowd.VoteUrl);
        fromFile.Lookup.PivotDepth.ShouldBe(0);
        fromFile.Lookup.PivotDepth.ShouldBe(inCode.Lookup.PivotDepth);
        fromFile.Lookup.PivotBudget.ShouldBe(100);
        fromFile.Lookup.PivotBudget.ShouldBe(inCode.Lookup.PivotBudget);
        fromFile.Lookup.PivotFrom.ShouldBe("malicious");
        fromFile.Lookup.PivotFrom.ShouldBe(inCode.Lookup.PivotFrom);
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
            "--Sources:Files:0:Path=exports/x.csv",
            "--Sources:Files:0:Type=ipaddress",
            "--Sources:Files:0:HeaderLine=-1",
            "--Sources:Files:1:Path=exports/y.csv",
        ]));

        error.Message.ShouldContain("Sources:Files:0:Type is \"ipaddress\"");
        error.Message.ShouldContain("Sources:Files:0:HeaderLine is -1");
        error.Message.ShouldContain("Sources:Files:1 says nothing about \"exports/y.csv\"");

        error.Message.ShouldContain("ThreatCrowd:BaseUrl");
        error.Message.ShouldContain("ThreatCrowd:RequestInterval");
        error.Message.ShouldContain("ThreatCrowd:MaxAttempts");
        error.Message.ShouldContain("Sources:Feeds:0:Type is \"url\"");
        error.Message.ShouldContain("10.0.0.0/33");
    }

    [Fact]
    public void Bad_vote_and_pivot_settings_are_reported_each_naming_its_key()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, [
            "--ThreatCrowd:VoteUrl=vote.php",
            "--Lookup:PivotDepth=6",
            "--Lookup:PivotBudget=-1",
            "--Lookup:PivotFrom=suspicious",
        ]));

        error.Message.ShouldContain("ThreatCrowd:VoteUrl");
        error.Message.ShouldContain("Lookup:PivotDepth is 6");
        error.Message.ShouldContain("Lookup:PivotBudget is -1");
        error.Message.ShouldContain("Lookup:PivotFrom is \"suspicious\"");
    }

    [Fact]
    public void A_pause_cap_out_of_range_and_a_negative_refresh_age_are_named_and_refresh_after_0_is_accepted()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--ThreatCrowd:MaxPause=00:00:00", "--Lookup:RefreshAfter=-1.00:00:00"]));

        error.Message.ShouldContain("ThreatCrowd:MaxPause is 00:00:00; it must be between 00:00:01 and 7.00:00:00");
        error.Message.ShouldContain("Lookup:RefreshAfter is -1.00:00:00; it must be 0 (ask again every run) or a positive time span");
        BatchConfiguration.Load(null, ["--Lookup:RefreshAfter=0"]).Lookup.RefreshAfter.ShouldBe(TimeSpan.Zero);
        BatchConfiguration.Load(null, []).ThreatCrowd.MaxPause.ShouldBe(TimeSpan.FromHours(1));
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
