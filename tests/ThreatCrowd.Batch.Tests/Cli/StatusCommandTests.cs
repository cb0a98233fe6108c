using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_shows_counts_failures_by_reason_what_is_asked_first_the_forecast_and_the_last_runs()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "indicator\naoldaily.com\nnothing.example-none.org\nsecond.example-none.org\nthird.example-none.org\n10.0.0.1\n");
        h.Server.Faults.Enqueue(StandInFault.Status(404));
        await h.RunAsync("run", "--input", input, "--max-lookups", "2");

        var status = await h.RunAsync("status", "--Lookup:StopAt=06:00", "--Sources:Priorities:0:Source=*", "--Sources:Priorities:0:Priority=1");

        status.Exit.ShouldBe(ExitCodes.Ok, status.ToString());
        var lines = status.Output.Split('\n');
        status.Output.ShouldContain("indicators: 4 (failed 1, not found 1, pending 2)");
        status.Output.ShouldContain("rejects: 1");
        status.Output.ShouldContain("due now: 2 indicators, about 20 s of lookups at one request every 10 s, 1 night with a 01:00-06:00 window");
        lines.ShouldContain("  domain second.example-none.org (never asked)");
        lines.ShouldContain("  domain third.example-none.org (never asked)");
        status.Output.ShouldContain("HTTP 404 Not Found (e.g. domain aoldaily.com)");
        status.Output.ShouldContain("#1 run    2026-11-22 01:00:00");
        status.Output.ShouldContain("limit_reached: looked up 2 of 4 due (found 0, not found 1, failed 1)");
    }
}
