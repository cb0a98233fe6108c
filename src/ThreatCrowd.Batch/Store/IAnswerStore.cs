using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The checkpoint of one lookup: the answer (or the failure), the indicator's state, the run's counters and the
/// pivots planned from it go into one transaction, so an answer is either wholly stored or not at all.
/// </summary>
internal interface IAnswerStore
{
    /// <param name="pivots">What the answer reveals that is queued with it, planned by the caller.</param>
    void SaveAnswer(long indicatorId, LookupAnswer answer, DateTimeOffset answeredAt, long runId, IReadOnlyList<Pivot>? pivots = null);

    void SaveFailure(long indicatorId, string reason, DateTimeOffset retryAfter, long runId);

    /// <summary>
    /// Records that a dead process left this indicator's request without an outcome: a transient failure, due again
    /// at once but after the never-asked ones. Not counted in any run's totals.
    /// </summary>
    void MarkCutOff(long indicatorId, string reason, DateTimeOffset at);

    /// <summary>Whether an indicator is flagged apart from the crowd's votes: named by a feed, or voted malicious by the analysts.</summary>
    bool IsFlagged(long indicatorId, Indicator indicator);
}
