using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Pivots;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Stores one settled lookup the moment it is settled: the answer with the pivots it reveals in one transaction,
/// or the failure with when to ask again (at once for a transient one, after the refresh age for a permanent one).
/// </summary>
internal sealed class LookupCheckpoint(BatchSession session, PivotPlanner pivots, long runId)
{
    private readonly IAnswerStore _answers = session.Store.Answers;
    private readonly RelatedValueGate _gate = new(session.Guard);

    public void Save(QueuedIndicator queued, PacedOutcome outcome, ILookupProgress progress)
    {
        var now = session.Clock.GetUtcNow();
        if (outcome.Result.Answer is { } received)
        {
            var answer = _gate.Admit(received);
            var revealed = pivots.Plan(queued, answer, () => _answers.IsFlagged(queued.Id, queued.Indicator));
            _answers.SaveAnswer(queued.Id, answer, now, runId, revealed);
            progress.Answered(queued.Indicator, answer);
            return;
        }

        var reason = outcome.Result.FailureReason!;
        var retryAfter = outcome.Result.Transient ? now : now + session.Options.Lookup.RefreshAfter;
        _answers.SaveFailure(queued.Id, reason, retryAfter, runId);
        progress.Failed(queued.Indicator, reason, outcome.Attempts);
    }
}
