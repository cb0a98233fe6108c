namespace ThreatCrowd.Batch.Store;

/// <summary>One row of threatcrowd_relations: one related item of one indicator's latest answer.</summary>
internal sealed record RelationRow(
    string Indicator,
    string Type,
    string Relation,
    string Related,
    string RelatedType,
    string? LastResolved,
    DateTimeOffset LookedUpAt);
