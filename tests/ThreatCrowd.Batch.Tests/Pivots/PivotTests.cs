using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.Tests.Tables;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Pivots;

/// <summary>
/// Pivots against the stand-in. aoldaily.com (in the feed here) resolved to six real addresses and names two
/// e-mail addresses; william19770319@yahoo.com names four domains, aoldaily.com among them.
/// </summary>
public sealed class PivotTests
{
    private static readonly string[] AoldailyPivots =
        ["50.116.42.33", "50.63.202.70", "66.228.48.134", "69.195.129.70", "69.195.129.72", "81.166.122.234", "domains@virustracker.info", "william19770319@yahoo.com"];

    [Fact]
    public async Task Without_a_pivot_depth_only_the_inputs_are_asked()
    {
        await using var harness = await PipelineHarness.StartAsync();

        (await Run(harness)).Exit.ShouldBe(ExitCodes.Ok);

        harness.AskedValues().ShouldBe(["aoldaily.com"]);
    }

    [Fact]
    public async Task At_depth_1_what_a_feed_indicator_revealed_is_asked_after_it_with_its_path_as_provenance()
    {
        await using var harness = await PipelineHarness.StartAsync();

        var result = await Run(harness, "--Lookup:PivotDepth=1");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        harness.AskedValues()[0].ShouldBe("aoldaily.com");
        harness.AskedValues().Skip(1).ShouldBe(AoldailyPivots, ignoreOrder: true);
        var rows = Rows(harness);
        rows["50.63.202.70"]["sources"].ShouldBe("pivot:aoldaily.com:resolution");
        rows["50.63.202.70"]["depth"].ShouldBe("1");
        rows["aoldaily.com"]["depth"].ShouldBe("0");
        rows["william19770319@yahoo.com"]["sources"].ShouldBe("pivot:aoldaily.com:email");
        rows.ShouldNotContainKey("cnndaily.com");
    }

    [Fact]
    public async Task Only_indicators_judged_malicious_are_followed_unless_pivot_from_is_all()
    {
        await using var plain = await PipelineHarness.StartAsync();
        await using var all = await PipelineHarness.StartAsync();
        var input = plain.Dir.Write("in.csv", "indicator\naoldaily.com\n");
        var allInput = all.Dir.Write("in.csv", "indicator\naoldaily.com\n");

        (await plain.RunAsync("run", "--input", input, "--Lookup:PivotDepth=1")).Exit.ShouldBe(ExitCodes.Ok);
        (await all.RunAsync("run", "--input", allInput, "--Lookup:PivotDepth=1", "--Lookup:PivotFrom=all")).Exit.ShouldBe(ExitCodes.Ok);

        plain.AskedValues().ShouldBe(["aoldaily.com"]);
        all.AskedValues().Count.ShouldBe(1 + AoldailyPivots.Length);
    }

    [Fact]
    public async Task Depth_2_asks_every_depth_1_pivot_before_any_depth_2_one_and_goes_no_deeper()
    {
        await using var harness = await PipelineHarness.StartAsync();

        (await Run(harness, "--Lookup:PivotDepth=2", "--Lookup:PivotFrom=all")).Exit.ShouldBe(ExitCodes.Ok);

        var asked = harness.AskedValues();
        string[] depth2 = ["aunewsonline.com", "cnndaily.com", "usnewssite.com"];
        asked.Skip(1 + AoldailyPivots.Length).ShouldBe(depth2, ignoreOrder: true);
        Rows(harness)["cnndaily.com"]["sources"].ShouldBe("pivot:william19770319@yahoo.com:domain");
        Rows(harness)["cnndaily.com"]["depth"].ShouldBe("2");
        Rows(harness)["aoldaily.com"]["depth"].ShouldBe("0");
        asked.Count(v => v == "aoldaily.com").ShouldBe(1, "an input reached again stays an input, asked once");
    }

    [Fact]
    public async Task The_budget_caps_pivot_lookups_per_run_and_the_rest_are_asked_by_the_next_run()
    {
        await using var harness = await PipelineHarness.StartAsync();

        var first = await Run(harness, "--Lookup:PivotDepth=1", "--Lookup:PivotBudget=3");
        var afterFirst = harness.AskedValues().Count;
        var second = await harness.RunAsync("resume", "--Lookup:PivotDepth=1", "--Lookup:PivotBudget=3");

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        first.Output.ShouldContain("pivot budget (Lookup:PivotBudget = 3) is spent");
        afterFirst.ShouldBe(1 + 3);
        second.Exit.ShouldBe(ExitCodes.Ok, second.ToString());
        harness.AskedValues().Count.ShouldBe(1 + 3 + 3);
    }

    [Fact]
    public async Task The_run_limit_counts_pivot_lookups_too()
    {
        await using var harness = await PipelineHarness.StartAsync();

        var result = await Run(harness, "--Lookup:PivotDepth=1", "--max-lookups", "3");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        harness.AskedValues().Count.ShouldBe(3);
        result.Output.ShouldContain("continue with: ./run.sh resume");
    }

    [Fact]
    public async Task A_new_input_is_asked_before_pivots_queued_by_an_earlier_run()
    {
        await using var harness = await PipelineHarness.StartAsync();
        (await Run(harness, "--Lookup:PivotDepth=1", "--Lookup:PivotBudget=0")).Exit.ShouldBe(ExitCodes.Ok);
        var input = harness.Dir.Write("in.csv", "indicator\ngoogle.com\n");

        (await harness.RunAsync("run", "--input", input, "--Lookup:PivotDepth=1", "--Lookup:PivotBudget=2")).Exit.ShouldBe(ExitCodes.Ok);

        harness.AskedValues().Count.ShouldBe(4);
        harness.AskedValues()[1].ShouldBe("google.com");
        AoldailyPivots.ShouldContain(harness.AskedValues()[2]);
    }

    [Fact]
    public async Task Excluded_and_special_use_values_revealed_by_an_answer_are_never_queued_or_asked()
    {
        await using var harness = await PipelineHarness.StartAsync();

        (await Run(harness, "--Lookup:PivotDepth=1", "--Lookup:Exclude:0=50.63.202.0/24", "--Lookup:Exclude:1=yahoo.com")).Exit.ShouldBe(ExitCodes.Ok);

        harness.AskedValues().ShouldNotContain("50.63.202.70");
        harness.AskedValues().ShouldNotContain("william19770319@yahoo.com");
        harness.AskedValues().Count.ShouldBe(1 + AoldailyPivots.Length - 2);
        Rows(harness).Keys.ShouldNotContain("0.0.0.0");
        Rows(harness).Keys.ShouldNotContain("50.63.202.70");
    }

    [Fact]
    public async Task Status_shows_the_pivots_queued_by_depth()
    {
        await using var harness = await PipelineHarness.StartAsync();
        (await Run(harness, "--Lookup:PivotDepth=1", "--Lookup:PivotBudget=3")).Exit.ShouldBe(ExitCodes.Ok);

        var status = await harness.RunAsync("status");

        status.Output.ShouldContain("pivots: depth 1: 8 (5 queued)");
        status.Output.ShouldContain("(never asked, pivot at depth 1)");
    }

    [Fact]
    public async Task An_indicator_the_crowd_voted_malicious_is_followed_but_never_to_a_private_address()
    {
        await using var harness = await PipelineHarness.StartAsync();
        var input = harness.Dir.Write("in.csv", "indicator\nbad-actor.org\n");
        harness.Server.Faults.Enqueue(StandInFault.Body(
            """{"response_code":"1","resolutions":[{"last_resolved":"2015-01-01","ip_address":"10.1.2.3"},{"last_resolved":"2015-01-01","ip_address":"8.8.8.8"}],"references":["x.org"],"votes":-1}"""));

        (await harness.RunAsync("run", "--input", input, "--Lookup:PivotDepth=1")).Exit.ShouldBe(ExitCodes.Ok);

        harness.AskedValues().ShouldBe(["bad-actor.org", "8.8.8.8"]);
        Rows(harness).Keys.ShouldBe(["bad-actor.org", "8.8.8.8"], ignoreOrder: true);
    }

    /// <summary>A run whose only source is a local feed naming aoldaily.com, so it is judged malicious.</summary>
    private static Task<RunOutput> Run(PipelineHarness harness, params string[] args)
    {
        var feed = harness.Dir.Write("feed.txt", "aoldaily.com\n");
        return harness.RunAsync("run", ["--Sources:Feeds:0:Url=" + feed, "--Sources:Feeds:0:Type=domain", .. args]);
    }

    private static Dictionary<string, Dictionary<string, string>> Rows(PipelineHarness harness)
    {
        var (header, records) = StrictCsv.Read(Path.Combine(harness.OutputDirectory, "threatcrowd_indicators.csv"));
        return records.ToDictionary(r => r[0], r => header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => r[c.i]));
    }
}
