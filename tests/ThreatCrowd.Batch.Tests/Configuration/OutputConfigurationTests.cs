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
}
