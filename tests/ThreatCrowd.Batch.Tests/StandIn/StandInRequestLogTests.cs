using System.Diagnostics;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.StandIn;

public sealed class StandInRequestLogTests
{
    [Fact]
    public async Task Requests_are_recorded_in_order_with_the_time_of_the_configured_clock()
    {
        var clock = new FakeClock();
        var start = clock.GetUtcNow();
        await using var server = await StandInHost.StartAsync(clock);
        using var http = new HttpClient();
        server.Faults.Enqueue(StandInFault.Status(503));

        using (await http.GetAsync(new Uri(server.ApiBaseUrl, "ip/report/?ip=188.40.75.132")))
        {
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        await http.GetStringAsync(new Uri(server.Root, "feeds/hashes.txt"));

        server.Requests.ShouldBe(
        [
            new StandInRequest(start, "/searchApi/v2/ip/report/", "?ip=188.40.75.132"),
            new StandInRequest(start.AddSeconds(10), "/feeds/hashes.txt", ""),
        ]);
    }

    [Fact]
    public async Task The_user_agent_of_each_request_is_recorded()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("probe/1.0");

        await http.GetStringAsync(new Uri(server.ApiBaseUrl, "domain/report/?domain=aoldaily.com"));

        server.Requests.ShouldHaveSingleItem().UserAgent.ShouldBe("probe/1.0");
    }

    [Fact]
    public async Task The_server_starts_and_stops_well_within_a_second()
    {
        await (await StandInHost.StartAsync()).DisposeAsync();

        var watch = Stopwatch.StartNew();
        await (await StandInHost.StartAsync()).DisposeAsync();

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }
}
