using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Requests;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// Sends every pending vote through the request loop the lookups use, so votes and lookups together never exceed
/// the rate limit, across processes too, and a vote gets the same retries with back-off, the same pauses when the
/// server asks for one, and the same early stop when the service is down. Each acknowledged vote is marked sent at
/// once: a stop at any moment leaves at most the request in flight to be sent again.
/// </summary>
/// <remarks>
/// It is handed what it works with (the store's votes and pacing) rather than a run's session: votes are not a run.
/// </remarks>
internal sealed class VoteSender(
    IVoteStore votes,
    IPacingStore pacing,
    VoteClient client,
    ThreatCrowdOptions options,
    SendGuard guard,
    WireActivity wire,
    TimeProvider clock,
    RunConsole console)
{
    public async Task<RunEnd> SendPendingAsync(CancellationToken ct)
    {
        var pending = votes.PendingVotes();
        if (pending.Count == 0)
        {
            console.Info("no vote is pending.");
            return RunEnd.Completed;
        }

        using var requests = new RequestLoop(pacing, options, wire, clock, console, StopAdvice.Votes, deadline: null);
        if (!requests.MayStart())
        {
            return RunEnd.Paused;
        }

        console.Info($"sending {Counted.Of(pending.Count, "vote")}, one request every {Durations.Humanize(options.RequestInterval)}.");
        foreach (var vote in pending)
        {
            // Checked again here: the exclude list may have grown since the vote was queued.
            if (guard.WhyNotAllowed(vote.Indicator) is { } why)
            {
                votes.MarkFailed(vote.Id, null, why, permanent: true);
                console.Warn($"not sent: {vote.Indicator}: {why}");
                continue;
            }

            RequestOutcome<VoteResult> outcome;
            try
            {
                outcome = await requests.SendAsync(IPacingStore.VoteInFlight, token => client.SendAsync(vote.Indicator, vote.Verdict, token), ct)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return RunEnd.Interrupted;
            }

            if (outcome.Result is { } result)
            {
                Settle(vote, result, outcome.LastTurn!.Value);
            }

            if (outcome.EndsRun is { } end)
            {
                return end;
            }
        }

        return RunEnd.Completed;
    }

    /// <summary>Stores what the vote's last request came back with; a transient failure leaves it pending.</summary>
    private void Settle(StoredVote vote, VoteResult result, DateTimeOffset turn)
    {
        var label = $"{vote.Verdict.ToName()} (vote={vote.Verdict.ToVoteParameter()}) {vote.Indicator}";
        if (result.Acknowledged)
        {
            votes.MarkSent(vote.Id, turn, result.Status!.Value);
            pacing.Settle();
            console.Info($"voted {label}: HTTP {result.Status}");
            return;
        }

        votes.MarkFailed(vote.Id, result.Status, result.FailureReason!, permanent: !result.Transient);
        pacing.Settle();
        console.Warn($"vote {label} {(result.Transient ? "not acknowledged, sent again next time" : "refused")}: {result.FailureReason}");
    }
}
