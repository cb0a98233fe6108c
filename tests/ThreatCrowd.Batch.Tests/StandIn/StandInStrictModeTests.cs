using System.Net;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.StandIn;

public sealed class StandInStrictModeTests
{
    [Fact]
    public async Task An_api_or_vote_request_arriving_too_soon_gets_429_with_retry_after_and_every_arrival_is_logged()
    {
        using var dir = new TempDirectory();
        var clock = new FakeClock();
        await using var server = await StandInServer.StartAsync(
            new StandInOptions(Fixtures.Directory) { Clock = clock, StrictInterval = TimeSpan.FromSeconds(10), ArrivalLogPath = dir.File("arrivals.txt") },
            CancellationToken.None);
        using var http = new HttpClient();
        var report = new Uri(server.ApiBaseUrl, "domain/report/?domain=aoldaily.com");

        using var first = await http.GetAsync(report);
        clock.Advance(TimeSpan.FromSeconds(7.5));
        using var early = await http.GetAsync(new Uri(server.Root, "vote.php?vote=0&value=aoldaily.com"));
        await http.GetStringAsync(new Uri(server.Root, "feeds/hashes.txt"));
        clock.Advance(TimeSpan.FromSeconds(10));
        using var inTime = await http.GetAsync(report);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        early.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        early.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3), "2.5 s left, rounded up to whole seconds");
        inTime.StatusCode.ShouldBe(HttpStatusCode.OK, "an early arrival counts too: the next one is measured from it");
        server.Requests.Select(r => r.TooEarly).ShouldBe([false, true, false, false]);
        File.ReadAllLines(dir.File("arrivals.txt")).Select(l => string.Join(' ', l.Split(' ')[1..])).ShouldBe(
            ["/searchApi/v2/domain/report/", "/vote.php 429", "/searchApi/v2/domain/report/"], "feeds are not rate-limited");
    }
}
