using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// One indicator's lookup with retries. Every request, retries included, waits its turn at the pacer, and its
/// start is persisted before it is sent so that the next process keeps the interval even after a hard kill; once its
/// answer begins to arrive (by then the server has surely counted it), that moment replaces the turn, for this
/// process and the next (see <see cref="SentRequest"/>).
/// A pause the server asks for (Retry-After) holds back every later request, or ends the run when too long.
/// Between attempts it backs off exponentially (the interval, doubling, capped, with jitter) on top of the pacing.
/// It counts requests that could not reach the service across indicators, because a dead endpoint should end the
/// run early rather than mark the whole queue failed.
/// </summary>
internal sealed class PacedLookups(BatchSession session, RequestPacer pacer, IPacingStore pacing, ServerPauses pauses, Random jitter, DateTimeOffset? deadline)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly ThreatCrowdClient _client = new(session.Http, session.Options.BaseUri, session.Options.Lookup.MaxRelationsPerAnswer);
    private int _unreachableInARow;

    public async Task<PacedOutcome> LookupAsync(long indicatorId, Indicator indicator, CancellationToken ct)
    {
        var options = session.Options.ThreatCrowd;
        LookupResult result = LookupResult.TransientFailure("not asked");
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            var backoff = attempt > 1 ? Backoff(attempt, options.RequestInterval) : TimeSpan.Zero;
            if (!StartsBeforeDeadline(backoff))
            {
                return LeftDue(new PacedOutcome(result, attempt - 1, ServiceUnreachable: false, WindowClosed: true));
            }

            if (attempt > 1)
            {
                await Task.Delay(backoff, session.Clock, ct).ConfigureAwait(false);
            }

            var turn = await pacer.WaitForTurnAsync(ct).ConfigureAwait(false);
            pacing.RecordRequest(turn, indicatorId);
            result = await _client.LookupAsync(indicator, ct).ConfigureAwait(false);
            SentRequest.Record(session.Wire, session.Clock, pacer, pacing, turn);
            if (result.RetryAfter is { } retryAfter && !pauses.Honour(retryAfter, result.FailureReason))
            {
                return LeftDue(new PacedOutcome(result, attempt, ServiceUnreachable: false, Paused: true));
            }

            _unreachableInARow = result.Unreachable ? _unreachableInARow + 1 : 0;
            if (_unreachableInARow >= options.UnreachableAfter)
            {
                return LeftDue(new PacedOutcome(result, attempt, ServiceUnreachable: true));
            }

            if (result.Answer is not null || !result.Transient)
            {
                return new PacedOutcome(result, attempt, ServiceUnreachable: false);
            }
        }

        return new PacedOutcome(result, options.MaxAttempts, ServiceUnreachable: false);
    }

    /// <summary>
    /// An outcome that will not be stored: the indicator is deliberately left due, not cut off by a dying process,
    /// so it is no longer marked in flight (the next run need not ask it last).
    /// </summary>
    private PacedOutcome LeftDue(PacedOutcome outcome)
    {
        pacing.Settle();
        return outcome;
    }

    /// <summary>Whether the next request, after the back-off and the pacer's wait, would still start inside the window.</summary>
    private bool StartsBeforeDeadline(TimeSpan backoff)
    {
        if (deadline is not { } end)
        {
            return true;
        }

        var now = session.Clock.GetUtcNow();
        var paced = pacer.NextTurn(now);
        var start = now + backoff > paced ? now + backoff : paced;
        return start < end;
    }

    /// <summary>The extra wait before attempt n (n ≥ 2): interval × 2^(n-2), capped, plus up to 20 % jitter.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan interval)
    {
        var doubled = interval * Math.Pow(2, attempt - 2);
        var capped = doubled > MaxBackoff ? MaxBackoff : doubled;
        return capped * (1 + (jitter.NextDouble() * 0.2));
    }
}
