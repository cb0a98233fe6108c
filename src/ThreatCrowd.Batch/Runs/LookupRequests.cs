using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Requests;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One indicator's lookup, sent through the request loop with its pacing, retries and pauses. Each attempt first
/// renews the indicator's claim, so a long back-off does not let another host sharing the store take it meanwhile.
/// </summary>
internal sealed class LookupRequests(ThreatCrowdClient client, RequestLoop requests, IDueQueue queue, TimeProvider clock)
{
    public Task<RequestOutcome<LookupResult>> LookupAsync(long indicatorId, Indicator indicator, CancellationToken ct) =>
        requests.SendAsync(
            indicatorId,
            token =>
            {
                queue.Renew(indicatorId, clock.GetUtcNow());
                return client.LookupAsync(indicator, token);
            },
            ct);
}
