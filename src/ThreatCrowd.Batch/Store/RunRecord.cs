namespace ThreatCrowd.Batch.Store;

/// <summary>One run as the store remembers it.</summary>
internal sealed record RunRecord(
    long Id,
    string Verb,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedBecause,
    long DueAtStart,
    long LookedUp,
    long Found,
    long NotFound,
    long Failed);
