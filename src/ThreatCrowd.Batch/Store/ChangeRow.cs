namespace ThreatCrowd.Batch.Store;

/// <summary>
/// One row of threatcrowd_changes: a verdict (<see cref="Relation"/> null) or a related item that an export added or
/// removed compared with the export before it.
/// </summary>
internal sealed record ChangeRow(
    string Change,
    string Indicator,
    string Type,
    string? Relation,
    string? Related,
    string? RelatedType,
    string? Verdict,
    long? RunId,
    DateTimeOffset DetectedAt);
