using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Pivots;
using ThreatCrowd.Batch.Reporting;
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
        // Read before the request left in flight is settled: it decides where the first turn is measured from.
        var lastRequest = pacing.LastRequestForNewProcess(clock.GetUtcNow());
        FailWhatADeadProcessWasAsking(pacing);
        var due = store.Queue.Load(clock.GetUtcNow(), options.Lookup.RefreshAfter, limit, options.Sources.PriorityPatterns());
        var dueTotal = limit > 0 ? store.Queue.Count(clock.GetUtcNow(), options.Lookup.RefreshAfter) : due.Count;
        store.Runs.SetDue(runId, dueTotal);
        if (due.Count == 0)
        {
            session.Console.Info("nothing is due for lookup.");
            return RunEnd.Completed;
        }

        var pause = pacing.PauseInForce(clock.GetUtcNow());
        using var pacer = new RequestPacer(options.ThreatCrowd.RequestInterval, clock, lastRequest, pause?.Until);
        var pauses = new ServerPauses(session.Clock, session.Console, options.ThreatCrowd.MaxPause, pacer, pacing, deadline);
        if (!pauses.MayStart(pause))
        {
            return RunEnd.Paused;
        }

        var lookups = new PacedLookups(session, pacer, pacing, pauses, _jitter, deadline);
        session.Console.Info($"looking up {due.Count:N0} of {dueTotal:N0} due, one request every {Durations.Humanize(options.ThreatCrowd.RequestInterval)}.");
        var end = await LookUpRoundAsync(due, runId, deadline, lookups, ct).ConfigureAwait(false);
        var limitReached = limit > 0 && dueTotal > due.Count;
        if (end == RunEnd.Completed && _pivots.Enabled && !limitReached)
        {
            (end, limitReached) = await new PivotRounds(session, _budget, limit)
                .RunAsync(next => LookUpRoundAsync(next, runId, deadline, lookups, ct)).ConfigureAwait(false);
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

    private Task<RunEnd> LookUpRoundAsync(List<long> due, long runId, DateTimeOffset? deadline, PacedLookups lookups, CancellationToken ct) =>
        session.Console.WithLookupProgressAsync(
            due.Count,
            session.Options.ThreatCrowd.RequestInterval,
            session.Clock,
            progress => LookUpAllAsync(due, runId, deadline, lookups, progress, ct));

    private async Task<RunEnd> LookUpAllAsync(List<long> due, long runId, DateTimeOffset? deadline, PacedLookups lookups, ILookupProgress progress, CancellationToken ct)
    {
        var options = session.Options;
        var checkpoint = new LookupCheckpoint(session, _pivots, runId);
        foreach (var id in due)
        {
            if (ct.IsCancellationRequested)
            {
                return RunEnd.Interrupted;
            }

            var queued = session.Store.Queue.Find(id);
            if (queued is null)
            {
                continue;
            }

            // Pivots come after every input, shallowest first: once one is turned away, so is everything after it.
            if (!_budget.MayAsk(queued))
            {
                return RunEnd.Completed;
            }

            // Exclusions are checked again here: the list may have grown since the indicator was imported.
            if (session.Guard.WhyNotAllowed(queued.Indicator) is { } why)
            {
                progress.Skipped(queued.Indicator, why);
                continue;
            }

            _budget.Asking(queued);
            progress.Starting(queued.Indicator);
            PacedOutcome outcome;
            try
            {
                outcome = await lookups.LookupAsync(queued.Id, queued.Indicator, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return RunEnd.Interrupted;
            }

            if (outcome.WindowClosed)
            {
                session.Console.Info($"the run window closed at {deadline:yyyy-MM-dd HH:mm} UTC; what is left is asked by the next run.");
                return RunEnd.WindowClosed;
            }

            if (outcome.Paused)
            {
                return RunEnd.Paused;
            }

            if (outcome.ServiceUnreachable)
            {
                session.Console.Error(
                    $"the service did not answer {Counted.Of(options.ThreatCrowd.UnreachableAfter, "request")} in a row (last: {outcome.Result.FailureReason}); " +
                    "stopping early. Nothing answered is lost and the rest stays due: check ThreatCrowd:BaseUrl and the network, then run 'resume'.");
                return RunEnd.Unreachable;
            }

            checkpoint.Save(queued, outcome, progress);
        }

        return RunEnd.Completed;
    }
}
