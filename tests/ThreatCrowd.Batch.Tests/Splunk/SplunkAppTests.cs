using ThreatCrowd.Batch.Tests.Runs;

namespace ThreatCrowd.Batch.Tests.Splunk;

/// <summary>The Splunk app a run over the real fixtures writes, as Splunk would read it.</summary>
public sealed class SplunkAppTests(FixtureExport run) : IClassFixture<FixtureExport>
{
    [Theory]
    [InlineData("default/app.conf")]
    [InlineData("default/props.conf")]
    [InlineData("default/transforms.conf")]
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
            int.Parse(settings["max_matches"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 1000);
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
}
