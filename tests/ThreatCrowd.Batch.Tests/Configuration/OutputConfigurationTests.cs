using ThreatCrowd.Batch.Configuration;

namespace ThreatCrowd.Batch.Tests.Configuration;

public sealed class OutputConfigurationTests
{
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
        (es.MaxAge, es.EnableSources).ShouldBe((inCode.EnterpriseSecurity.MaxAge, inCode.EnterpriseSecurity.EnableSources));
        (es.MaxAge, es.EnableSources).ShouldBe((TimeSpan.FromDays(7), false));
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

    [Theory]
    [InlineData("1TA-threatcrowd", "it must start with a letter")]
    [InlineData("TA-threatcrowd.tgz", "it must not end in \".tgz\"")]
    [InlineData("TA-threatcrowd.spl", "it must not end in \".spl\"")]
    [InlineData("TA-threatcrowd.tar", "it must not end in \".tar\"")]
    [InlineData("search", "it is the name of an app Splunk ships")]
    [InlineData("Splunk_Monitoring_Console", "it is the name of an app Splunk ships")]
    public void An_app_folder_name_the_validator_would_reject_is_refused_naming_the_key_and_the_rule(string name, string why)
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Output:Splunk:AppDirectory=/opt/splunk/etc/apps/" + name]));

        error.Message.ShouldContain($"Output:Splunk:AppDirectory ends in \"{name}\", which is not a Splunk app id: {why}");
    }

    [Theory]
    [InlineData("TA-threatcrowd")]
    [InlineData("TA_tc.intel-2")]
    [InlineData("searchy")]
    public void A_valid_app_id_is_accepted(string name) =>
        BatchConfiguration.Load(null, ["--Output:Splunk:AppDirectory=/opt/splunk/etc/apps/" + name]).Output.SplunkAppName.ShouldBe(name);

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:30:00")]
    [InlineData("1.00:30:00")]
    [InlineData("3651.00:00:00")]
    [InlineData("-7.00:00:00")]
    public void An_es_max_age_that_is_not_whole_hours_from_one_hour_to_ten_years_is_refused(string value)
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Output:EnterpriseSecurity:MaxAge=" + value]));

        error.Message.ShouldContain("Output:EnterpriseSecurity:MaxAge is ");
        error.Message.ShouldContain("whole hours from 01:00:00 to 3650.00:00:00");
    }

    [Fact]
    public void An_output_directory_inside_the_app_other_than_its_lookups_folder_is_refused()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, [
            "--Output:Splunk:AppDirectory=/srv/apps/TA-threatcrowd", "--Output:Directory=/srv/apps/TA-threatcrowd/default"]));
        var lookups = BatchConfiguration.Load(null, [
            "--Output:Splunk:AppDirectory=/srv/apps/TA-threatcrowd", "--Output:Directory=/srv/apps/TA-threatcrowd/lookups/"]).Output;

        error.Message.ShouldContain("Output:Directory \"/srv/apps/TA-threatcrowd/default\" is inside the Splunk app's folder");
        lookups.TablesInAppLookups.ShouldBeTrue();
    }

    [Fact]
    public void An_empty_output_directory_is_reported_as_such_and_not_as_a_path_error()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Output:Directory="]));

        error.Message.ShouldContain("Output:Directory is empty");
    }
}
