using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class RunWindowTests
{
    [Theory]
    [InlineData("2026-11-22T01:00:00Z", "06:00", "2026-11-22T06:00:00Z")]
    [InlineData("2026-11-22T23:00:00Z", "06:00", "2026-11-23T06:00:00Z")]
    [InlineData("2026-11-22T06:00:00Z", "06:00", "2026-11-23T06:00:00Z")]
    public void The_deadline_is_the_first_stop_time_after_the_start(string start, string stopAt, string expected) =>
        RunWindow.Deadline(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), stopAt, TimeZoneInfo.Utc)
            .ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_stop_time_is_read_in_the_schedule_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        RunWindow.Deadline(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), "06:00", berlin)
            .ShouldBe(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void No_stop_time_means_no_window() => RunWindow.Deadline(DateTimeOffset.UnixEpoch, "", TimeZoneInfo.Utc).ShouldBeNull();

    [Fact]
    public async Task A_window_ends_the_run_before_a_request_would_start_late_and_the_next_run_continues()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(0, 10).Select(i => $"w{i}.example-window.org")) + "\n");

        // The clock starts at 01:00; one request every 10 minutes: 01:00, 01:10, 01:20, 01:30, and 01:40 is too late.
        var first = await h.RunAsync("run", "--input", input, "--until", "01:35", "--ThreatCrowd:RequestInterval=00:10:00");

        first.Exit.ShouldBe(ExitCodes.Ok, first.ToString());
        first.Output.ShouldContain("window_closed");
        h.AskedValues().Count.ShouldBe(4);
        h.Server.Requests.Max(r => r.At).ShouldBeLessThan(new DateTimeOffset(2026, 11, 22, 1, 35, 0, TimeSpan.Zero));

        var next = await h.RunAsync("resume", "--ThreatCrowd:RequestInterval=00:10:00");

        next.Exit.ShouldBe(ExitCodes.Ok, next.ToString());
        h.AskedValues().Count.ShouldBe(10);
        h.AskedValues().Distinct().Count().ShouldBe(10);
    }
}
