using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class BatchRunTests
{
    private const string Indicators =
        """
        indicator,type
        aoldaily[.]com,
        188.40.75.132,
        william19770319@yahoo.com,
        ec8c89aa5e521572c74e2dd02a4daf78,
        plugx,antivirus
        unknown-to-the-service.net,
        """;

    [Fact]
    public async Task A_run_imports_asks_each_indicator_once_and_writes_every_table()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Indicators + "AOLDAILY.COM,\n10.1.2.3,\nnot a value!,\n");

        var result = await h.RunAsync("run", "--input", input);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com", "188.40.75.132", "william19770319@yahoo.com", "ec8c89aa5e521572c74e2dd02a4daf78", "plugx", "unknown-to-the-service.net"]);
        var indicators = h.Table("threatcrowd_indicators.csv");
        indicators.ShouldContain("aoldaily.com,domain,found,");
        indicators.ShouldContain("unknown-to-the-service.net,domain,not_found,");
        h.Table("threatcrowd_relations.csv").ShouldContain("aoldaily.com,domain,resolution,50.63.202.70,ip,2013-09-20,");
        File.ReadAllLines(Path.Combine(h.OutputDirectory, "threatcrowd_indicators.json")).Length.ShouldBe(6);
        var rejects = h.Table("rejects.csv");
        rejects.ShouldContain("10.1.2.3");
        rejects.ShouldContain("not a value!");
        result.Output.ShouldContain("looked up 6 (found 5, not found 1, failed 0)");
    }

    [Fact]
    public async Task Request_starts_are_never_closer_than_the_interval_retries_included()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Indicators);
        h.Server.Faults.Enqueue(StandInFault.Html503());
        h.Server.Faults.Enqueue(StandInFault.TooManyConnections());
        h.Server.Faults.Enqueue(StandInFault.EmptyBody());

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:RequestInterval=00:00:10");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var starts = h.Server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).Select(r => r.At).ToList();
        starts.Count.ShouldBe(6 + 3);
        for (var i = 1; i < starts.Count; i++)
        {
            (starts[i] - starts[i - 1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(10), $"requests {i - 1} and {i}");
        }

        h.Table("threatcrowd_indicators.csv").ShouldContain("aoldaily.com,domain,found,");
    }

    [Fact]
    public async Task A_run_stopped_part_way_is_finished_by_the_next_with_nothing_asked_twice_or_lost()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Indicators);

        var first = await h.RunAsync("run", "--input", input, "--max-lookups", "2");
        var second = await h.RunAsync("run", "--input", input);

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        first.Output.ShouldContain("4 still due");
        second.Exit.ShouldBe(ExitCodes.Ok, second.ToString());
        h.AskedValues().Count.ShouldBe(6);
        h.AskedValues().Distinct().Count().ShouldBe(6);
        h.Table("threatcrowd_indicators.csv").ShouldNotContain(",pending,");
    }

    [Fact]
    public async Task Resume_continues_without_reading_the_sources_again()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Indicators);
        await h.RunAsync("run", "--input", input, "--max-lookups", "1");
        File.Delete(input);

        var resumed = await h.RunAsync("resume");

        resumed.Exit.ShouldBe(ExitCodes.Ok, resumed.ToString());
        resumed.Output.ShouldContain("resuming after run #1");
        resumed.Output.ShouldContain("5 due");
        h.AskedValues().Count.ShouldBe(6);
        (await h.RunAsync("resume")).Output.ShouldContain("nothing to resume");
    }

    [Fact]
    public async Task Fresh_answers_are_not_asked_again_until_they_are_older_than_RefreshAfter()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        await h.RunAsync("run", "--input", input);

        h.Clock.Advance(TimeSpan.FromDays(6));
        await h.RunAsync("run", "--input", input);
        h.AskedValues().Count.ShouldBe(2);

        h.Clock.Advance(TimeSpan.FromDays(2));
        await h.RunAsync("run", "--input", input);
        h.AskedValues().ShouldBe(["aoldaily.com", "google.com", "aoldaily.com", "google.com"]);
    }

    [Fact]
    public async Task RefreshAfter_0_asks_every_answer_again_every_run_and_once_per_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");

        var first = await h.RunAsync("run", "--input", input, "--Lookup:RefreshAfter=0");
        var second = await h.RunAsync("run", "--input", input, "--Lookup:RefreshAfter=0");

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        second.Exit.ShouldBe(ExitCodes.Ok, second.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com", "google.com", "aoldaily.com", "google.com"]);
    }

    [Fact]
    public async Task Transient_failures_are_retried_up_to_MaxAttempts_then_failed_and_due_again_next_run()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        for (var i = 0; i < 3; i++)
        {
            h.Server.Faults.Enqueue(StandInFault.TooManyConnections());
        }

        var first = await h.RunAsync("run", "--input", input, "--ThreatCrowd:MaxAttempts=3");

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        h.AskedValues().Count.ShouldBe(3);
        h.Table("threatcrowd_indicators.csv").ShouldContain("aoldaily.com,domain,failed,");
        ReadState(h, "aoldaily.com").ShouldBe(("failed", "server overloaded: Too many connections"));

        await h.RunAsync("resume");
        h.AskedValues().Count.ShouldBe(4);
        ReadState(h, "aoldaily.com").State.ShouldBe("found");
    }

    [Fact]
    public async Task A_client_error_is_a_permanent_failure_that_is_not_retried()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        h.Server.Faults.Enqueue(StandInFault.Status(404));

        await h.RunAsync("run", "--input", input);
        await h.RunAsync("resume");

        h.AskedValues().Count.ShouldBe(1);
        ReadState(h, "aoldaily.com").State.ShouldBe("failed");
    }

    [Fact]
    public async Task A_dead_endpoint_ends_the_run_early_and_leaves_the_queue_due()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Indicators);
        for (var i = 0; i < 20; i++)
        {
            h.Server.Faults.Enqueue(StandInFault.Html503());
        }

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:UnreachableAfter=4");

        result.Exit.ShouldBe(ExitCodes.Unreachable, result.ToString());
        result.Error.ShouldContain("did not answer 4 requests in a row");
        h.AskedValues().Count.ShouldBe(4);
        using var db = Open(h);
        db.ExecuteScalar<long>("SELECT count(*) FROM indicators WHERE state = 'pending'").ShouldBe(6);
        File.Exists(Path.Combine(h.OutputDirectory, "threatcrowd_indicators.csv")).ShouldBeTrue();
    }

    [Fact]
    public async Task Private_addresses_and_excluded_names_never_reach_the_service_and_are_listed_as_rejects()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "indicator\n10.0.0.5\n127.0.0.1\n192.168.1.10\nhost.corp.example.net\njoe@corp.example.net\n203.0.113.9\naoldaily.com\n");

        var result = await h.RunAsync("run", "--input", input, "--Lookup:Exclude:0=corp.example.net");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com"]);
        var rejects = h.Table("rejects.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rejects[0].ShouldBe("source,line,value,reason");
        rejects.Length.ShouldBe(1 + 6);
        rejects.ShouldContain(r => r.Contains("host.corp.example.net", StringComparison.Ordinal) && r.Contains("corp.example.net\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_default_feeds_follow_the_base_url_and_mark_what_they_name()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\ngoogle.com\n");

        var result = await h.RunAsync("run", "--input", input, "--Sources:DefaultFeeds=true");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        var rows = h.Table("threatcrowd_indicators.csv");
        rows.ShouldContain("aoldaily.com,domain,found,,unknown,true,");
        rows.ShouldContain("google.com,domain,found,,unknown,false,");
        h.Table("rejects.csv").ShouldContain("10.0.0.5");
        h.AskedValues().ShouldNotContain("10.0.0.5");
    }

    [Fact]
    public async Task A_feed_that_cannot_be_fetched_is_reported_and_the_run_goes_on()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");

        var result = await h.RunAsync("run", "--input", input, "--Sources:Feeds:0:Url=" + h.Server.Root + "feeds/missing.txt", "--Sources:Feeds:0:Type=domain");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Error.ShouldContain("missing.txt");
        h.AskedValues().ShouldBe(["aoldaily.com"]);
    }

    private static SqliteConnection Open(PipelineHarness h)
    {
        var db = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        db.Open();
        return db;
    }

    private static (string State, string? Error) ReadState(PipelineHarness h, string value)
    {
        using var db = Open(h);
        return db.QuerySingle<(string, string?)>("SELECT state, last_error FROM indicators WHERE value = $value", new { value });
    }
}
