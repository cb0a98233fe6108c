using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Pivots;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Requests;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Asks the service about every indicator that is due, one request per interval, and checkpoints each outcome
/// the moment it arrives. Stops at the run's limit, on cancellation (after storing what was already answered),
/// or when the service has been unreachable several requests in a row; what was not asked stays due. With pivots
/// on, what the answers reveal is asked in further rounds of the same run, within the pivot budget.
/// </summary>
internal sealed class LookupStage(BatchSession session, Random? jitter = null)
{
    private readonly Random _jitter = jitter ?? Random.Shared;
    private readonly PivotPlanner _pivots = new(session.Options.Lookup, session.Guard);
    private readonly PivotBudget _budget = new(session.Options.Lookup.PivotBudget, session.Options.Lookup.PivotDepth);

    public const string CutOffReason = "the program stopped while asking it";

    public async Task<RunEnd> RunAsync(long runId, int limit, DateTimeOffset? deadline, CancellationToken ct)
    {
        var options = session.Options;
        var clock = session.Clock;
        var store = session.Store;
        var pacing = store.Pacing;
        // Opened before the request left in flight is settled: it decides where the first turn is measured from.
        using var requests = new RequestLoop(pacing, options.ThreatCrowd, session.Wire, clock, session.Console, StopAdvice.Lookups, deadline, _jitter);
        FailWhatADeadProcessWasAsking(pacing);
        var loadedAt = clock.GetUtcNow();
        var due = store.Queue.Load(loadedAt, options.Lookup.RefreshAfter, limit, options.Sources.PriorityPatterns());
        var dueTotal = limit > 0 ? store.Queue.Count(clock.GetUtcNow(), options.Lookup.RefreshAfter) : due.Count;
        store.Runs.SetDue(runId, dueTotal);
        if (due.Count == 0)
        {
            session.Console.Info("nothing is due for lookup.");
            return RunEnd.Completed;
        }

        if (!requests.MayStart())
        {
            return RunEnd.Paused;
        }

        var lookups = new LookupRequests(new ThreatCrowdClient(session.Http, options.BaseUri, options.Lookup.MaxRelationsPerAnswer), requests, store.Queue, clock);
        session.Console.Info($"looking up {due.Count:N0} of {dueTotal:N0} due, one request every {Durations.Humanize(options.ThreatCrowd.RequestInterval)}.");
        var end = await LookUpRoundAsync(due, loadedAt, runId, deadline, lookups, ct).ConfigureAwait(false);
        var limitReached = limit > 0 && dueTotal > due.Count;
        if (end == RunEnd.Completed && _pivots.Enabled && !limitReached)
        {
            (end, limitReached) = await new PivotRounds(session, _budget, limit)
                .RunAsync((next, at) => LookUpRoundAsync(next, at, runId, deadline, lookups, ct)).ConfigureAwait(false);
        }

        return end == RunEnd.Completed && limitReached ? RunEnd.LimitReached : end;
    }

    /// <summary>
    /// An indicator whose request was started but whose outcome was never stored: the process died asking it. That
    /// is a transient failure of its lookup, recorded as one, so it is asked again after every never-asked indicator:
    /// an indicator that makes the program crash cannot keep the rest of the queue waiting, and a run of kills does
    /// not keep asking the same first indicator.
    /// </summary>
    private void FailWhatADeadProcessWasAsking(IPacingStore pacing)
    {
        if (pacing.InFlight() is not { } cutOff)
        {
            return;
        }

        if (cutOff == IPacingStore.VoteInFlight)
        {
            pacing.Settle();
            return;
        }

        session.Store.Answers.MarkCutOff(cutOff, CutOffReason, session.Clock.GetUtcNow());
        if (session.Store.Queue.Find(cutOff) is { } queued)
        {
            session.Console.Info($"{queued.Indicator} was being asked when the previous run stopped; it is asked again after the others.");
        }
    }

    private Task<RunEnd> LookUpRoundAsync(List<long> due, DateTimeOffset loadedAt, long runId, DateTimeOffset? deadline, LookupRequests lookups, CancellationToken ct) =>
        session.Console.WithLookupProgressAsync(
            due.Count,
            session.Options.ThreatCrowd.RequestInterval,
            session.Clock,
            progress => LookUpAllAsync(due, loadedAt, runId, deadline, lookups, progress, ct));

    private async Task<RunEnd> LookUpAllAsync(
        List<long> due, DateTimeOffset loadedAt, long runId, DateTimeOffset? deadline, LookupRequests lookups, ILookupProgress progress, CancellationToken ct)
    {
        var queue = session.Store.Queue;
        var checkpoint = new LookupCheckpoint(session, _pivots, runId);
        foreach (var id in due)
        {
            if (ct.IsCancellationRequested)
            {
                return RunEnd.Interrupted;
            }

            // Null when another host sharing the store holds it or has asked it since the list was loaded.
            var queued = queue.Claim(id, loadedAt, session.Options.Lookup.RefreshAfter, session.Clock.GetUtcNow());
            if (queued is null)
            {
                continue;
            }

            // Pivots come after every input, shallowest first: once one is turned away, so is everything after it.
            if (!_budget.MayAsk(queued))
            {
                queue.Release(queued.Id);
                return RunEnd.Completed;
            }

            // Exclusions are checked again here: the list may have grown since the indicator was imported.
            if (session.Guard.WhyNotAllowed(queued.Indicator) is { } why)
            {
                queue.Release(queued.Id);
                progress.Skipped(queued.Indicator, why);
                continue;
            }

            var stored = false;
            try
            {
                var end = await AskAsync(queued, checkpoint, deadline, lookups, progress, ct).ConfigureAwait(false);
                stored = end is null;
                if (end is { } stop)
                {
                    return stop;
                }
            }
            finally
            {
                // A stored outcome ends the claim; anything else gives the indicator back to every host at once.
                if (!stored)
                {
                    queue.Release(queued.Id);
                }
            }
        }

        return RunEnd.Completed;
    }

    /// <summary>Asks one claimed indicator and stores the outcome; or, storing nothing, says how the run ends.</summary>
    private async Task<RunEnd?> AskAsync(
        QueuedIndicator queued, LookupCheckpoint checkpoint, DateTimeOffset? deadline, LookupRequests lookups, ILookupProgress progress, CancellationToken ct)
    {
        _budget.Asking(queued);
        progress.Starting(queued.Indicator);
        RequestOutcome<LookupResult> outcome;
        try
        {
            outcome = await lookups.LookupAsync(queued.Id, queued.Indicator, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return RunEnd.Interrupted;
        }

        if (outcome.EndsRun is { } end)
        {
            if (end == RunEnd.WindowClosed)
            {
                session.Console.Info($"the run window closed at {deadline:yyyy-MM-dd HH:mm} UTC; what is left is asked by the next run.");
            }

            return end;
        }

        checkpoint.Save(queued, outcome, progress);
        return null;
    }
}
