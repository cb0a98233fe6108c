using ThreatCrowd.Batch.Lookups;

namespace ThreatCrowd.Batch.Runs;

/// <summary>The last result for one indicator, how many requests it took, and whether the service looks down.</summary>
internal sealed record PacedOutcome(LookupResult Result, int Attempts, bool ServiceUnreachable);
