using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Requests;

namespace ThreatCrowd.Batch.Runs;

/// <summary>One indicator's lookup, sent through the request loop with its pacing, retries and pauses.</summary>
internal sealed class LookupRequests(ThreatCrowdClient client, RequestLoop requests)
{
    public Task<RequestOutcome<LookupResult>> LookupAsync(long indicatorId, Indicator indicator, CancellationToken ct) =>
        requests.SendAsync(indicatorId, token => client.LookupAsync(indicator, token), ct);
}
