using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// After a request, lookup or vote: the next turn counts from when it went out on the wire (later than its turn by
/// the cold path, a commit, a connection set-up), or from its turn if nothing was written. The store keeps the same
/// time for the next process.
/// </summary>
internal static class SentRequest
{
    public static void Record(BatchSession session, RequestPacer pacer, PacingState pacing, DateTimeOffset turn)
    {
        var sent = session.Writes.LastWriteSince(turn) ?? turn;
        pacer.Sent(sent);
        pacing.RecordSent(sent);
    }
}
