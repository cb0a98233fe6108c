using System.Globalization;
using ThreatCrowd.Batch.Tests.Runs;

namespace ThreatCrowd.Batch.Tests.Splunk;

/// <summary>
/// The Splunk app a run over the real fixtures writes, as Splunk would read it and as Splunk's app validator
/// (AppInspect) checks it.
/// </summary>
public sealed class SplunkAppTests(FixtureExport run) : IClassFixture<FixtureExport>
{
    [Theory]
    [InlineData("default/app.conf")]
    [InlineData("default/props.conf")]
    [InlineData("default/transforms.conf")]
    [InlineData("default/inputs.conf")]
    [InlineData("metadata/default.meta")]
    public void Each_configuration_file_is_stanzas_of_key_value_lines(string file) =>
        ConfSyntax.Parse(Path.Combine(run.App, file)).ShouldNotBeEmpty();

    [Fact]
    public void Every_lookup_file_has_a_case_insensitive_definition_and_is_the_table_written_beside_the_app()
    {
        var transforms = ConfSyntax.Parse(Path.Combine(run.App, "default", "transforms.conf"));
        var files = Directory.GetFiles(Path.Combine(run.App, "lookups")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        transforms.Values.Select(s => s["filename"]).Order(StringComparer.Ordinal).ShouldBe(files);
        foreach (var (name, settings) in transforms)
        {
            settings["filename"].ShouldBe(name + ".csv");
            settings["case_sensitive_match"].ShouldBe("false");
            int.Parse(settings["max_matches"], CultureInfo.InvariantCulture).ShouldBeInRange(1, 1000);
            File.ReadAllBytes(Path.Combine(run.App, "lookups", name + ".csv")).SequenceEqual(File.ReadAllBytes(Path.Combine(run.Out, name + ".csv")))
                .ShouldBeTrue($"lookups/{name}.csv differs from the table");
        }

        transforms["threatcrowd_indicators"]["max_matches"].ShouldBe("1");
        transforms["threatcrowd_relations"]["max_matches"].ShouldBe("1000");
        files.ShouldNotContain("rejects.csv");
    }

    [Fact]
    public void The_json_sourcetype_extracts_at_input_time_and_the_hec_one_at_search_time_never_both()
    {
        var props = ConfSyntax.Parse(Path.Combine(run.App, "default", "props.conf"));

        props["threatcrowd:json"]["INDEXED_EXTRACTIONS"].ShouldBe("json");
        props["threatcrowd:json"]["TIMESTAMP_FIELDS"].ShouldBe("time");
        props["threatcrowd:json"]["KV_MODE"].ShouldBe("none");
        props["threatcrowd:hec"]["KV_MODE"].ShouldBe("json");
        props["threatcrowd:hec"].ShouldNotContainKey("INDEXED_EXTRACTIONS");
    }

    [Fact]
    public void The_app_is_named_after_its_folder_and_shares_its_lookups_with_every_app()
    {
        var app = ConfSyntax.Parse(Path.Combine(run.App, "default", "app.conf"));
        var meta = ConfSyntax.Parse(Path.Combine(run.App, "metadata", "default.meta"));

        app["package"]["id"].ShouldBe("TA-threatcrowd");
        app["id"]["name"].ShouldBe("TA-threatcrowd");
        meta["lookups"]["export"].ShouldBe("system");
        meta["transforms"]["export"].ShouldBe("system");
    }

    [Fact]
    public void App_conf_passes_the_validators_checks_no_setup_done_a_launcher_and_a_valid_label()
    {
        var app = ConfSyntax.Parse(Path.Combine(run.App, "default", "app.conf"));

        app.ShouldNotContainKey("install", "[install] is_configured = true fails check_that_setup_has_not_been_performed");
        app.Values.ShouldAllBe(stanza => !stanza.ContainsKey("is_configured"));
        app["launcher"]["author"].ShouldNotBeNullOrWhiteSpace();
        app["launcher"]["description"].ShouldNotBeNullOrWhiteSpace();
        app["launcher"]["version"].ShouldMatch(@"^\d+\.\d+\.\d+$");
        app["id"]["version"].ShouldBe(app["launcher"]["version"]);
        app["package"]["id"].ShouldBe(Path.GetFileName(run.App));
        app["ui"]["label"].Length.ShouldBeInRange(5, 80);
    }

    [Fact]
    public void Admin_and_splunk_clouds_sc_admin_may_write_and_nothing_local_is_ever_written()
    {
        var meta = ConfSyntax.Parse(Path.Combine(run.App, "metadata", "default.meta"));

        meta[string.Empty]["access"].ShouldBe("read : [ * ], write : [ admin, sc_admin ]");
        Directory.Exists(Path.Combine(run.App, "local")).ShouldBeFalse();
        File.Exists(Path.Combine(run.App, "metadata", "local.meta")).ShouldBeFalse();
    }

    [Fact]
    public void A_readme_says_what_the_app_holds_and_how_it_is_refreshed()
    {
        var readme = File.ReadAllText(Path.Combine(run.App, "README.txt"));

        readme.ShouldContain("threatcrowd_indicators");
        readme.ShouldContain("How it is refreshed");
        readme.ShouldContain("TA-threatcrowd.tgz");
        readme.ShouldContain("-7d");
    }

    [Fact]
    public void Each_intel_lookup_is_an_enterprise_security_threat_source_shipped_disabled()
    {
        var inputs = ConfSyntax.Parse(Path.Combine(run.App, "default", "inputs.conf"));
        var transforms = ConfSyntax.Parse(Path.Combine(run.App, "default", "transforms.conf"));
        string[] intel = ["threatcrowd_ip_intel", "threatcrowd_domain_intel", "threatcrowd_file_intel", "threatcrowd_email_intel"];

        inputs.Keys.Order(StringComparer.Ordinal).ShouldBe(intel.Select(i => "threatlist://" + i).Order(StringComparer.Ordinal));
        foreach (var lookup in intel)
        {
            var source = inputs["threatlist://" + lookup];
            source["url"].ShouldBe("lookup://" + lookup);
            transforms.ShouldContainKey(lookup, "the source reads a lookup definition of the app");
            source["type"].ShouldBe("threatlist");
            source["description"].ShouldStartWith("ThreatCrowd: ");
            int.Parse(source["weight"], CultureInfo.InvariantCulture).ShouldBe(70);
            source["max_age"].ShouldBe("-7d");
            source["disabled"].ShouldBe("1");
        }
    }
}
