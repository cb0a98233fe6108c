using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Requests;

/// <summary>
/// Every request to the service, lookup or vote, goes through here: the caller says what to send, the loop says
/// how it went. Each request, retries included, waits its turn at the pacer, and its start is persisted before it
/// is sent so that the next process keeps the interval even after a hard kill; once its answer begins to arrive
/// (by then the server has surely counted it), that moment replaces the turn, for this process and the next (see
/// <see cref="SentRequest"/>). On a store shared between hosts the turn is also held at the store's pace from
/// before the request leaves until its answer begins, so no two hosts' requests arrive closer than the interval. A
/// pause the server asks for (Retry-After) holds back every later request, or ends the run when too long
/// (<see cref="ServerPauses"/>). Between attempts it backs off exponentially (the interval, doubling, capped, with
/// jitter) on top of the pacing. It counts requests that could not reach the service across
/// everything it sends, because a dead endpoint should end the run early rather than fail the whole queue.
/// </summary>
internal sealed class RequestLoop : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly IPacingStore _pacing;
    private readonly ThreatCrowdOptions _options;
    private readonly WireActivity _wire;
    private readonly TimeProvider _clock;
    private readonly RunConsole _console;
    private readonly StopAdvice _advice;
    private readonly DateTimeOffset? _deadline;
    private readonly Random _jitter;
    private readonly ServerPause? _storedPause;
    private readonly RequestPacer _pacer;
    private readonly ServerPauses _pauses;
    private int _unreachableInARow;

    /// <summary>
    /// Reads where the first turn is measured from: open it before a request left in flight by a dead process is
    /// settled, since that request may have gone out any time before the process died.
    /// </summary>
    public RequestLoop(
        IPacingStore pacing, ThreatCrowdOptions options, WireActivity wire, TimeProvider clock, RunConsole console, StopAdvice advice,
        DateTimeOffset? deadline, Random? jitter = null)
    {
        _pacing = pacing;
        _options = options;
        _wire = wire;
        _clock = clock;
        _console = console;
        _advice = advice;
        _deadline = deadline;
        _jitter = jitter ?? Random.Shared;
        var now = clock.GetUtcNow();
        _storedPause = pacing.PauseInForce(now);
        _pacer = new RequestPacer(options.RequestInterval, clock, pacing.LastRequestForNewProcess(now), _storedPause?.Until);
        _pauses = new ServerPauses(clock, console, options.MaxPause, _pacer, pacing, deadline, advice);
    }

    /// <summary>
    /// False when a pause the server asked for earlier (this process or another) is too long to wait out: the
    /// run ends before its first request. A shorter one is waited out by the first request.
    /// </summary>
    public bool MayStart() => _pauses.MayStart(_storedPause);

    /// <summary>
    /// Sends one request, again while it fails transiently, up to <c>ThreatCrowd:MaxAttempts</c> requests.
    /// <paramref name="inFlight"/> is what the store marks as being asked meanwhile (an indicator's id, or
    /// <see cref="IPacingStore.VoteInFlight"/>); a settled outcome leaves the mark to be cleared with its checkpoint.
    /// <paramref name="beforeRetry"/> runs before each retry takes its turn, not inside it: whatever it waits for (a
    /// table another host's import holds) then holds back this retry only, not every host waiting for the pace.
    /// </summary>
    public async Task<RequestOutcome<T>> SendAsync<T>(long inFlight, Func<CancellationToken, Task<T>> send, CancellationToken ct, Action? beforeRetry = null)
        where T : class, IRequestResult
    {
        ArgumentNullException.ThrowIfNull(send);
        T? result = null;
        DateTimeOffset? turn = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var backoff = attempt > 1 ? Backoff(attempt) : TimeSpan.Zero;
            if (!StartsBeforeDeadline(backoff))
            {
                return LeftDue(new RequestOutcome<T>(result, attempt - 1, turn, RunEnd.WindowClosed));
            }

            if (attempt > 1)
            {
                await Task.Delay(backoff, _clock, ct).ConfigureAwait(false);
                beforeRetry?.Invoke();
            }

            turn = await _pacer.WaitForTurnAsync(ct).ConfigureAwait(false);
            await using (await _pacing.HoldTurnAsync(_options.RequestInterval, _clock, inFlight, ct).ConfigureAwait(false))
            {
                // Other hosts sharing the store may have made this one wait past the pacer's turn.
                turn = Later(turn.Value, _clock.GetUtcNow());
                _pacing.RecordRequest(turn.Value, inFlight);
                result = await send(ct).ConfigureAwait(false);
                SentRequest.Record(_wire, _clock, _pacer, _pacing, turn.Value);
            }

            if (result.RetryAfter is { } retryAfter && !_pauses.Honour(retryAfter, result.FailureReason))
            {
                return LeftDue(new RequestOutcome<T>(result, attempt, turn, RunEnd.Paused));
            }

            _unreachableInARow = result.Unreachable ? _unreachableInARow + 1 : 0;
            if (_unreachableInARow >= _options.UnreachableAfter)
            {
                _console.Error(
                    $"the service did not answer {Counted.Of(_options.UnreachableAfter, "request")} in a row (last: {result.FailureReason}); " +
                    $"stopping early. Nothing answered is lost and the rest stays due: check {_advice.UrlKey} and the network, then {_advice.Rerun}.");
                return LeftDue(new RequestOutcome<T>(result, attempt, turn, RunEnd.Unreachable));
            }

            if (!result.Transient)
            {
                return new RequestOutcome<T>(result, attempt, turn, null);
            }
        }

        return new RequestOutcome<T>(result, _options.MaxAttempts, turn, null);
    }

    public void Dispose() => _pacer.Dispose();

    /// <summary>
    /// An outcome that will not be stored: what it asked is deliberately left due, not cut off by a dying process,
    /// so it is no longer marked in flight (the next run need not ask it last).
    /// </summary>
    private RequestOutcome<T> LeftDue<T>(RequestOutcome<T> outcome)
        where T : class, IRequestResult
    {
        _pacing.Settle();
        return outcome;
    }

    /// <summary>Whether the next request, after the back-off and the pacer's wait, would still start inside the window.</summary>
    private bool StartsBeforeDeadline(TimeSpan backoff)
    {
        if (_deadline is not { } end)
        {
            return true;
        }

        var now = _clock.GetUtcNow();
        var paced = _pacer.NextTurn(now);
        var start = now + backoff > paced ? now + backoff : paced;
        return start < end;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The extra wait before attempt n (n ≥ 2): interval × 2^(n-2), capped, plus up to 20 % jitter.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var doubled = _options.RequestInterval * Math.Pow(2, attempt - 2);
        var capped = doubled > MaxBackoff ? MaxBackoff : doubled;
        return capped * (1 + (_jitter.NextDouble() * 0.2));
    }
}
