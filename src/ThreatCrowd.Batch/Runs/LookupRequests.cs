using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Requests;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One indicator's lookup, sent through the request loop with its pacing, retries and pauses. Each retry first
/// renews the indicator's claim (the claim was just taken for the first attempt), so a long back-off does not let
/// another host sharing the store take it meanwhile. The renewal comes before the retry's turn: it may wait for a
/// batch of another host's import to be merged, and inside the turn that wait would hold back every host.
/// </summary>
internal sealed class LookupRequests(ThreatCrowdClient client, RequestLoop requests, IDueQueue queue, TimeProvider clock)
{
    public Task<RequestOutcome<LookupResult>> LookupAsync(long indicatorId, Indicator indicator, CancellationToken ct) =>
        requests.SendAsync(
            indicatorId,
            token => client.LookupAsync(indicator, token),
            ct,
            beforeRetry: () => queue.Renew(indicatorId, clock.GetUtcNow()));
}
