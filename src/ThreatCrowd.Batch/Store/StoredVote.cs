
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>A vote as stored: pending, sent (with when) or failed (with why).</summary>
internal sealed record StoredVote(long Id, Indicator Indicator, Verdict Verdict, VoteState State, DateTimeOffset? SentAt);
