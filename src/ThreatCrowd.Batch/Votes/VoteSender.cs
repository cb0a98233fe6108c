using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// Sends every pending vote, one request per interval through the same pacer and persisted pacing state as the
/// lookups, so votes and lookups together never exceed the rate limit, across processes too, and a pause the server
/// asks for holds back votes as it holds back lookups. Each acknowledged vote is marked sent at once: a stop at any
/// moment leaves at most the request in flight to be sent again.
/// </summary>
/// <remarks>
/// It is handed what it works with (the store's votes and pacing) rather than a run's session: votes are not a run.
/// </remarks>
internal sealed class VoteSender(
    IVoteStore votes,
    IPacingStore pacing,
    VoteClient client,
    ThreatCrowdOptions options,
    LookupGuard guard,
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

        var now = clock.GetUtcNow();
        var pause = pacing.PauseInForce(now);
        using var pacer = new RequestPacer(options.RequestInterval, clock, pacing.LastRequestForNewProcess(now), pause?.Until);
        var pauses = new ServerPauses(clock, console, options.MaxPause, pacer, pacing, deadline: null);
        if (!pauses.MayStart(pause))
        {
            return RunEnd.Paused;
        }

        console.Info($"sending {Counted.Of(pending.Count, "vote")}, one request every {Durations.Humanize(options.RequestInterval)}.");
        var unreachableInARow = 0;
        foreach (var vote in pending)
        {
            // Checked again here: the exclude list may have grown since the vote was queued.
            if (guard.WhyNotAllowed(vote.Indicator) is { } why)
            {
                votes.MarkFailed(vote.Id, null, why, permanent: true);
                console.Warn($"not sent: {vote.Indicator}: {why}");
                continue;
            }

            VoteResult result;
            DateTimeOffset start;
            try
            {
                start = await pacer.WaitForTurnAsync(ct).ConfigureAwait(false);
                pacing.RecordRequest(start, IPacingStore.VoteInFlight);
                result = await client.SendAsync(vote.Indicator, vote.Verdict, ct).ConfigureAwait(false);
                SentRequest.Record(wire, clock, pacer, pacing, start);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return RunEnd.Interrupted;
            }

            var label = $"{vote.Verdict.ToName()} (vote={vote.Verdict.ToVoteParameter()}) {vote.Indicator}";
            if (result.Acknowledged)
            {
                votes.MarkSent(vote.Id, start, result.Status!.Value);
                pacing.Settle();
                console.Info($"voted {label}: HTTP {result.Status}");
                unreachableInARow = 0;
                continue;
            }

            votes.MarkFailed(vote.Id, result.Status, result.FailureReason!, permanent: !result.Transient);
            pacing.Settle();
            console.Warn($"vote {label} {(result.Transient ? "not acknowledged, sent again next time" : "refused")}: {result.FailureReason}");
            if (result.RetryAfter is { } retryAfter && !pauses.Honour(retryAfter, result.FailureReason))
            {
                return RunEnd.Paused;
            }

            unreachableInARow = result.Unreachable ? unreachableInARow + 1 : 0;
            if (unreachableInARow >= options.UnreachableAfter)
            {
                console.Error($"the service did not answer {Counted.Of(options.UnreachableAfter, "vote")} in a row; stopping. The rest stays pending: run the vote again later.");
                return RunEnd.Unreachable;
            }
        }

        return RunEnd.Completed;
    }
}
