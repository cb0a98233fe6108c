using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// After a request, lookup or vote: where the next turn is measured from, here and in the next process. The
/// server counted the request before it began to answer, so from the answer's first byte. A request that was
/// written but never answered (a timeout, a cut connection) may have been counted any time until now; one that was
/// never written (no connection) was not counted at all, and its turn stands.
/// </summary>
internal static class SentRequest
{
    public static void Record(WireActivity wire, TimeProvider clock, RequestPacer pacer, IPacingStore pacing, DateTimeOffset turn)
    {
        var counted = wire.AnswerStartedSince(turn)
            ?? (wire.WroteSince(turn) ? clock.GetUtcNow() : turn);
        pacer.MeasureFrom(counted);
        pacing.RecordCounted(counted);
    }
}
