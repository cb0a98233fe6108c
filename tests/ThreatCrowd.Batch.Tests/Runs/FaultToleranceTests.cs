using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class FaultToleranceTests
{
    [Fact]
    public async Task Each_bad_answer_is_the_failure_it_is_stored_on_its_indicator_and_shown_by_status()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(1, 6).Select(i => $"bad{i}.example-net.org")) + "\n");
        h.Server.Faults.Enqueue(StandInFault.Body("[1,2]"));
        h.Server.Faults.Enqueue(StandInFault.Body("\"just a string\""));
        h.Server.Faults.Enqueue(StandInFault.Body("""{"response_code":"1","hashes":"""));
        h.Server.Faults.Enqueue(StandInFault.Body(new string(' ', 17 * 1024 * 1024)));
        h.Server.Faults.Enqueue(StandInFault.TooManyConnections());
        h.Server.Faults.Enqueue(StandInFault.Body("""{"response_code":"1","votes":"many","resolutions":{"a":1}}"""));

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:MaxAttempts=1", "--ThreatCrowd:UnreachableAfter=100");
        var status = await h.RunAsync("status");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("found 1, not found 0, failed 5");
        foreach (var reason in new[] { "unexpected JSON shape: array", "unexpected JSON shape: string", "malformed JSON", "answer larger than 16 MB", "Too many connections" })
        {
            result.Output.ShouldContain(reason);
            status.Output.ShouldContain(reason);
        }

        h.Table("threatcrowd_indicators.csv").ShouldContain("bad6.example-net.org,domain,found,,unknown,");
    }

    [Fact]
    public async Task The_timeout_covers_a_body_that_arrives_too_slowly()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nslow.example-net.org\n");
        h.Server.Faults.Enqueue(StandInFault.SlowBody(TimeSpan.FromSeconds(10)));

        var result = await h.RunAsync(
            "run", "--input", input, "--ThreatCrowd:MaxAttempts=1", "--ThreatCrowd:UnreachableAfter=100", "--ThreatCrowd:Timeout=00:00:01");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("no answer within 1 s");
        (await h.RunAsync("status")).Output.ShouldContain("no answer within 1 s");
    }

    [Fact]
    public async Task Retries_back_off_exponentially_with_bounded_jitter_and_never_faster_than_the_interval()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");
        for (var i = 0; i < 4; i++)
        {
            h.Server.Faults.Enqueue(StandInFault.TooManyConnections());
        }

        await h.RunAsync("run", "--input", input, "--ThreatCrowd:RequestInterval=00:00:10", "--ThreatCrowd:MaxAttempts=5");

        var starts = h.Server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).Select(r => r.At).ToList();
        starts.Count.ShouldBe(5);
        for (var i = 1; i < starts.Count; i++)
        {
            var backoff = TimeSpan.FromSeconds(10 * Math.Pow(2, i - 1));
            var gap = starts[i] - starts[i - 1];
            gap.ShouldBeGreaterThanOrEqualTo(backoff, $"retry {i}");
            gap.ShouldBeLessThanOrEqualTo(backoff * 1.2 + TimeSpan.FromMilliseconds(1), $"retry {i}: jitter is at most 20 %");
        }
    }

    [Fact]
    public async Task A_tls_failure_counts_as_unreachable_and_ends_the_run_with_its_reason()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        var https = new UriBuilder(h.Server.ApiBaseUrl) { Scheme = "https" }.Uri;

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:UnreachableAfter=2", "--ThreatCrowd:BaseUrl=" + https);

        result.Exit.ShouldBe(ExitCodes.Unreachable, result.ToString());
        result.Error.ShouldContain("TLS");
    }

    [Fact]
    public async Task A_configured_proxy_carries_every_request()
    {
        await using var h = await PipelineHarness.StartAsync();
        await using var proxy = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");

        // The host does not exist: only the proxy can have answered.
        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:Proxy=" + proxy.Root, "--ThreatCrowd:BaseUrl=http://threatcrowd.invalid/searchApi/v2/");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        proxy.Requests.ShouldContain(r => r.Path.Contains("domain/report", StringComparison.Ordinal));
        h.Table("threatcrowd_indicators.csv").ShouldContain("aoldaily.com,domain,found,");
    }

    [Fact]
    public async Task Hostile_inputs_become_rejects_naming_file_and_line_and_the_good_rows_still_import()
    {
        await using var h = await PipelineHarness.StartAsync();
        var good = h.Dir.Write("good.csv", "domain\naoldaily.com\n");
        var empty = h.Dir.Write("empty.csv", "");
        var junk = h.Dir.File("junk.csv");
        await File.WriteAllBytesAsync(junk, [0x69, 0x6e, 0x64, 0x69, 0x63, 0x61, 0x74, 0x6f, 0x72, 0x0a, 0xff, 0xfe, 0x00, 0x41, 0x0a, 0x22, 0x75, 0x6e, 0x62, 0x61, 0x6c, 0x0a]);
        var folder = h.Dir.File("a-folder");
        Directory.CreateDirectory(folder);

        var result = await h.RunAsync("run", "--input", good, "--input", empty, "--input", junk, "--input", folder, "--input", h.Dir.File("missing.csv"));

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        h.AskedValues().ShouldBe(["aoldaily.com"]);
        var rejects = h.Table("rejects.csv");
        rejects.ShouldContain("junk.csv,2,");
        rejects.ShouldContain("a-folder");
        rejects.ShouldContain("missing.csv,0,");
        result.Error.ShouldContain("empty.csv holds no values");
    }
}
