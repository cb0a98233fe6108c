using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.Tests.Tables;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class ExportChangeTests
{
    private const string Input = "domain\naoldaily.com\ngoogle.com\n";

    [Fact]
    public async Task A_changed_answer_in_the_second_run_is_listed_as_removed_and_added_items_of_that_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        (await h.RunAsync("run", "--input", input)).Exit.ShouldBe(ExitCodes.Ok);
        var firstRun = Changes(h);
        h.Clock.Advance(TimeSpan.FromDays(8));
        h.Server.Faults.Enqueue(StandInFault.Body(ChangedAoldaily()));

        var second = await h.RunAsync("run", "--input", input);

        second.Exit.ShouldBe(ExitCodes.Ok, second.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com", "google.com", "aoldaily.com", "google.com"]);
        firstRun.ShouldAllBe(c => c[0] == "added" && c[7] == "1");
        Changes(h).Skip(firstRun.Count).Select(c => string.Join(",", c[..8])).ShouldBe([
            "removed,aoldaily.com,domain,,,,unknown,2",
            "added,aoldaily.com,domain,,,,malicious,2",
            "added,aoldaily.com,domain,resolution,185.53.177.31,ip,,2",
            "removed,aoldaily.com,domain,resolution,50.63.202.70,ip,,2",
        ]);
        Changes(h).Skip(firstRun.Count).Select(c => c[8]).Distinct().ShouldBe(["2026-11-30T01:00:20Z"], "the fake clock at the end of the second run");
        second.Output.ShouldContain("changes since the last export: 2 added, 2 removed");
        h.Table("threatcrowd_domain_intel.csv").ShouldContain("\"ThreatCrowd: voted malicious; 6 resolutions, 2 e-mail addresses, 2 references\",aoldaily.com,80\n");
    }

    [Fact]
    public async Task An_export_with_no_new_answers_records_nothing_and_rewrites_the_same_change_table()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        await h.RunAsync("run", "--input", input);
        var before = h.Table("threatcrowd_changes.csv");
        h.Clock.Advance(TimeSpan.FromHours(1));

        var export = await h.RunAsync("export");

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        export.Output.ShouldContain("changes since the last export: 0 added, 0 removed");
        h.Table("threatcrowd_changes.csv").ShouldBe(before);
    }

    [Fact]
    public async Task An_export_on_its_own_credits_what_it_finds_to_no_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        await h.RunAsync("run", "--input", input);
        h.Clock.Advance(TimeSpan.FromDays(3));

        var export = await h.RunAsync("export", "--Output:MaxAge=2.00:00:00");

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        var removed = Changes(h).Where(c => c[0] == "removed").ToList();
        removed.Select(c => c[1]).Distinct().ShouldBe(["aoldaily.com", "google.com"]);
        removed.ShouldAllBe(c => c[7] == string.Empty);
        h.Table("threatcrowd_indicators.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1, "only the header is left");
    }

    [Fact]
    public async Task Indicators_no_input_named_within_MaxAge_leave_every_table_as_removed_changes_but_stay_in_the_store()
    {
        await using var h = await PipelineHarness.StartAsync();
        var both = h.Dir.Write("both.csv", "indicator\naoldaily.com\n188.40.75.132\n");
        var one = h.Dir.Write("one.csv", "indicator\n188.40.75.132\n");
        var feed = h.Dir.Write("feed.txt", "aoldaily.com\n");
        await h.RunAsync("run", "--input", both, "--Sources:Feeds:0:Url=" + feed, "--Sources:Feeds:0:Type=domain");
        h.Table("threatcrowd_domain_intel.csv").ShouldContain(",aoldaily.com,70");
        h.Clock.Advance(TimeSpan.FromDays(10));

        var later = await h.RunAsync("run", "--input", one, "--Output:MaxAge=7.00:00:00");

        later.Exit.ShouldBe(ExitCodes.Ok, later.ToString());
        h.Table("threatcrowd_indicators.csv").ShouldNotContain("aoldaily.com");
        h.Table("threatcrowd_relations.csv").ShouldNotContain("aoldaily.com");
        h.Table("threatcrowd_domain_intel.csv").ShouldNotContain("aoldaily.com");
        h.Table("threatcrowd_indicators.csv").ShouldContain("188.40.75.132,ip,found");
        var removed = Changes(h).Where(c => c[0] == "removed").ToList();
        removed.ShouldAllBe(c => c[1] == "aoldaily.com" && c[7] == "2");
        removed.Count.ShouldBe(1 + 10, "the verdict and the ten related items");
        using var db = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        db.Open();
        db.ExecuteScalar<long>("SELECT count(*) FROM indicators WHERE value = 'aoldaily.com'").ShouldBe(1);
    }

    private static List<string[]> Changes(PipelineHarness h) =>
        StrictCsv.Read(Path.Combine(h.OutputDirectory, "threatcrowd_changes.csv")).Records;

    // The captured report with votes added and one resolution replaced by another: a real answer that changed.
    private static string ChangedAoldaily() =>
        Fixtures.Read("domain_aoldaily.com.json")
            .Replace("{\"response_code\":\"1\",", "{\"response_code\":\"1\",\"votes\":-1,", StringComparison.Ordinal)
            .Replace("50.63.202.70", "185.53.177.31", StringComparison.Ordinal);
}
