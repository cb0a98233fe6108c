using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>One lookup of aoldaily.com against a fresh stand-in that has one fault queued.</summary>
internal static class FaultedLookup
{
    public static readonly Indicator Aoldaily = new(IndicatorType.Domain, "aoldaily.com");

    public static async Task<LookupResult> RunAsync(StandInFault fault, TimeSpan? timeout = null)
    {
        await using var server = await StandInHost.StartAsync();
        server.Faults.Enqueue(fault);
        using var http = ThreatCrowdHttp.Create(timeout ?? TimeSpan.FromSeconds(10), proxy: null, "tests");
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);
        var result = await client.LookupAsync(Aoldaily, CancellationToken.None);
        server.Requests.Count.ShouldBe(1, "exactly one request per lookup");
        return result;
    }
}
