using ThreatCrowd.Batch.Lookups;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// The last result for one indicator, how many requests it took, whether the service looks down, and whether the
/// run's window closed, or the server asked for a pause too long to wait out, before the indicator was settled (it is
/// then left as it was, still due).
/// </summary>
internal sealed record PacedOutcome(LookupResult Result, int Attempts, bool ServiceUnreachable, bool WindowClosed = false, bool Paused = false);
