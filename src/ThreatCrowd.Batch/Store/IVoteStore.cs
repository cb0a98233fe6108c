using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The analysts' votes: the intent is stored before anything is sent, and a vote is marked sent as soon as the
/// service acknowledged it. One vote per indicator and verdict: the same verdict twice is one vote.
/// </summary>
internal interface IVoteStore
{
    /// <summary>Records the votes to send (those already stored keep their state); returns how many were new.</summary>
    int Queue(IEnumerable<(Indicator Indicator, Verdict Verdict)> votes, DateTimeOffset now);

    /// <summary>The stored vote for this indicator and verdict, or null when it was never queued.</summary>
    StoredVote? Find(Indicator indicator, Verdict verdict);

    /// <summary>Every vote not yet acknowledged, in the order queued.</summary>
    IReadOnlyList<StoredVote> PendingVotes();

    void MarkSent(long id, DateTimeOffset startedAt, int status);

    /// <summary>A permanent failure (failed) or a transient one (stays pending, sent again by the next vote run).</summary>
    void MarkFailed(long id, int? status, string reason, bool permanent);

    IReadOnlyList<(VoteState State, long Count)> CountsByState();
}
